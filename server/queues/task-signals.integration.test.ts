// The abort message and the agents' answers to it, on the real Redis.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../create-redis";
import { createTestDeps, waitFor } from "../testing/test-deps";
import { onTaskAbort, type AbortMessage } from "./task-signals";

const deps = createTestDeps("task-signals");
const subscriber = createRedis(process.env.REDIS_URL!, "subscribe");
const heard: AbortMessage[] = [];

beforeAll(() => onTaskAbort(subscriber, deps.keys.cancelChannel, (message) => heard.push(message)));

afterAll(async () => {
  await subscriber.quit();
  await deps.close();
});

const heardOf = (taskId: string) => waitFor(`the abort of ${taskId} to be heard`, async () => heard.find((message) => message.taskId === taskId), 2000, 10);

describe("aborting a task", () => {
  it("reaches subscribers and waits until each named agent has said it stopped", async () => {
    const started = Date.now();
    const aborting = deps.signals.abort("task-1", "Cancelled by a user.", ["agent-a", "agent-b", "agent-a"]);
    expect(await heardOf("task-1")).toEqual({ taskId: "task-1", reason: "Cancelled by a user." });
    // Each agent answers once its lines are stored; here, a little later and one after the other.
    await sleep(100);
    await deps.signals.stopped("task-1", "agent-a");
    await sleep(200);
    await deps.signals.stopped("task-1", "agent-b");
    expect(await aborting).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("gives up on an agent that never answers, names it, and does not count an earlier abort's answers", async () => {
    await deps.signals.stopped("task-2", "agent-c");
    const started = Date.now();
    expect(await deps.signals.abort("task-2", "Task failed.", ["agent-c"])).toEqual(["agent-c"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  });

  it("returns at once when no agent holds the task's work", async () => {
    expect(await deps.signals.abort("task-3", "Cancelled by a user.")).toEqual([]);
    await heardOf("task-3");
  });
});
