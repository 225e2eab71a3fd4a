// Write locks between subtasks of one task, against the real PostgreSQL and Redis: a write waits
// for the holder to finish, or is refused with the holder's name once the wait runs out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../../server/create-redis";
import { createTestDeps, resetData } from "../../server/testing/test-deps";
import { createWriteLocks } from "../tools/write-locks";
import { AgentStatus } from "./agent-status";
import { claimWritePath, type WriteClaimContext } from "./claim-write-path";
import { LogSink } from "./log-sink";

const deps = createTestDeps("write-locks");
const redis = createRedis(process.env.REDIS_URL!);
const locks = createWriteLocks(redis, deps.keys);
const logs = new LogSink(deps);
let taskId = "";
let holder = "";
let writer = "";

beforeAll(async () => {
  await resetData(deps);
  const task = await deps.db.task.create({ data: { title: "t", prompt: "p", status: "RUNNING" } });
  taskId = task.id;
  const make = (index: number, title: string) => deps.db.subtask.create({ data: { taskId, index, title, instructions: "i", status: "RUNNING" } });
  holder = (await make(2, "Write the combined report")).id;
  writer = (await make(1, "Analyze the largest file")).id;
});

afterAll(async () => {
  await logs.close();
  await redis.quit();
  await deps.close();
});

function context(waitMs: number): WriteClaimContext {
  const status = new AgentStatus();
  for (const state of ["IDLE", "CLAIMED", "WORKING"] as const) status.to(state);
  return { deps, logs, status, locks, taskId, subtaskId: writer, agentId: "agent-test", held: new Set(), waitMs, lockTtlSeconds: 30, signal: new AbortController().signal };
}

describe("write locks between subtasks", () => {
  it("lets the first writer take a path and keep writing it", async () => {
    const first = { ...context(0), subtaskId: holder };
    expect(await claimWritePath(first, "report.md")).toBeNull();
    expect(await claimWritePath(first, "report.md")).toBeNull();
    expect(first.held).toEqual(new Set(["report.md"]));
    expect(await redis.ttl(deps.keys.taskWriteLock(taskId, "report.md"))).toBeGreaterThan(0);
  });

  it("refuses a second writer once its wait runs out, naming the holder by number and title", async () => {
    const ctx = context(300);
    const error = await claimWritePath(ctx, "report.md");
    expect(error).toBe("report.md is being written by subtask 3 'Write the combined report'; wait for it or write another file.");
    expect(ctx.status.state).toBe("WORKING");
    const conflict = await deps.db.writeConflict.findFirstOrThrow({ where: { taskId, outcome: "refused" } });
    expect(conflict).toMatchObject({ path: "report.md", subtaskId: writer, holderSubtaskId: holder });
    await logs.flush();
    expect(await deps.db.logEvent.count({ where: { taskId, level: "WARN", message: { contains: "the write was refused" } } })).toBe(1);
  });

  it("lets the second writer go ahead once the holder releases, recorded as waited", async () => {
    const ctx = context(5_000);
    const states: string[] = [];
    ctx.status = new AgentStatus((s) => states.push(s.state));
    for (const state of ["IDLE", "CLAIMED", "WORKING"] as const) ctx.status.to(state);
    setTimeout(() => void locks.release(taskId, ["report.md"], holder), 500);
    expect(await claimWritePath(ctx, "report.md")).toBeNull();
    expect(states.slice(-2)).toEqual(["WAITING", "WORKING"]);
    expect(await deps.db.writeConflict.count({ where: { taskId, outcome: "waited" } })).toBe(1);
    expect(await locks.release(taskId, ctx.held, holder)).toBe(0);
    expect(await locks.release(taskId, ctx.held, writer)).toBe(1);
  });
});
