// The abort message and the agents' answers to it, on the real Redis.
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../create-redis";
import { createTestDeps } from "../testing/test-deps";
import { onTaskAbort, type AbortMessage } from "./task-signals";

const deps = createTestDeps("task-signals");
const subscriber = createRedis(process.env.REDIS_URL!, "blocking");

afterAll(async () => {
  await subscriber.quit();
  await deps.close();
});

describe("aborting a task", () => {
  it("reaches subscribers and waits until each named agent has said it stopped", async () => {
    const heard: AbortMessage[] = [];
    await onTaskAbort(subscriber, deps.keys.cancelChannel, (message) => {
      heard.push(message);
      // Each agent answers once its lines are stored; here, a little later and one after the other.
      setTimeout(() => void deps.signals.stopped(message.taskId, "agent-a"), 100);
      setTimeout(() => void deps.signals.stopped(message.taskId, "agent-b"), 300);
    });

    const started = Date.now();
    expect(await deps.signals.abort("task-1", "Cancelled by a user.", ["agent-a", "agent-b", "agent-a"])).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(heard).toEqual([{ taskId: "task-1", reason: "Cancelled by a user." }]);
  });

  it("gives up on an agent that never answers, names it, and does not count an earlier abort's answers", async () => {
    await deps.signals.stopped("task-2", "agent-c");
    const started = Date.now();
    expect(await deps.signals.abort("task-2", "Task failed.", ["agent-c"])).toEqual(["agent-c"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  });

  it("returns at once when no agent holds the task's work", async () => {
    expect(await deps.signals.abort("task-3", "Cancelled by a user.")).toEqual([]);
  });
});
