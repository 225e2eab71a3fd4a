// Retrying a failed task through the real daemon, agents and simulated Claude: only subtasks
// without a result run again, what succeeded is kept (output, spend, attempts), the task gets a
// fresh time window and finishes; repeated and concurrent retries change nothing more; tasks in
// other states are refused with a reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diamond, seedTaskGraph } from "../../testing/seed-task-graph";
import { startDaemon, type RunningDaemon } from "../../testing/start-daemon";
import { createTestDeps, resetData, taskFinished } from "../../testing/test-deps";
import { createUser, type TestUser } from "../../testing/test-users";
import { ServiceError } from "../service-error";
import { createTask } from "./create-task";
import { retryTask } from "./retry-task";

const deps = createTestDeps("retry");
let daemon: RunningDaemon;
let owner: TestUser;
const actor = () => ({ userId: owner.id, email: owner.email, role: owner.role, via: "session" as const });

beforeAll(async () => {
  await resetData(deps);
  owner = await createUser(deps.db, "OWNER");
  daemon = await startDaemon({ prefix: deps.prefix });
});
afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("retrying a failed task", () => {
  it("runs only the failed subtask and its skipped dependent again, keeps the rest, and succeeds", async () => {
    const { taskId, ids } = await seedTaskGraph(deps.db, owner.id, "FAILED", diamond());
    const before = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });

    expect(await retryTask(deps, { taskId, actor: actor() })).toEqual({ retried: true, reset: 2, kept: 2 });
    const running = await deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(running.status).toBe("RUNNING");
    expect(running.finishedAt).toBeNull();
    expect(running.statusReason).toBeNull();
    expect(running.timeoutAt!.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    const reset = await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[2] } });
    expect(reset.attemptBase).toBe(3);
    expect(reset.attempts).toBe(3);

    // The agents' cold start is in this wait, which a busy machine can stretch.
    const finished = await taskFinished(deps, taskId, 150_000);
    expect(finished.status, `${finished.statusReason}\n${daemon.output()}`).toBe("SUCCEEDED");
    expect(finished.resultMarkdown).toMatch(/^# /);
    expect(finished.costMicros).toBeGreaterThan(5_000n);

    const after = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    expect(after.map((s) => s.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
    for (const i of [0, 1]) {
      // Kept as they were: never claimed again, same output, same spend.
      expect(after[i]!.attempts).toBe(1);
      expect(after[i]!.finishedAt).toEqual(before[i]!.finishedAt);
      expect(after[i]!.output).toEqual({ seeded: i });
      expect(after[i]!.costMicros).toBe(1_000n);
    }
    // The fence only moves forward: the retried run is attempt 4, the first of its new allowance.
    expect(after[2]!.attempts).toBe(4);
    expect(after[2]!.costMicros).toBeGreaterThan(1_000n);
    expect(after[3]!.attempts).toBe(1);
    expect(after[3]!.startedAt!.getTime()).toBeGreaterThanOrEqual(after[2]!.finishedAt!.getTime());

    const retried = await deps.db.auditEvent.findMany({ where: { action: "task.retried", targetId: taskId } });
    expect(retried).toHaveLength(1);
    expect(retried[0]!.data).toEqual({ from: "FAILED", subtasksRetried: 2, subtasksKept: 2 });
    expect(await deps.db.logEvent.count({ where: { taskId, kind: "STATUS", message: { contains: "2 subtasks run again; 2 that succeeded are kept" } } })).toBe(1);
  }, 180_000);

  it("recovers a step that really failed: the simulated Claude fails the report step's first run for good", async () => {
    // The report step's call and its 3 SDK retries are all answered 500: it fails on its first
    // attempt, after the survey and the analysis succeeded.
    const created = await createTask(deps, { request: { prompt: "Survey one file and report [sim:wide=1] [sim:agent-fail=500x4:step=join]", priority: 5 }, userId: owner.id });
    const failed = await taskFinished(deps, created.id);
    expect(failed.status, daemon.output()).toBe("FAILED");
    const before = await deps.db.subtask.findMany({ where: { taskId: created.id }, orderBy: { index: "asc" } });
    expect(before.map((s) => [s.status, s.attempts])).toEqual([["SUCCEEDED", 1], ["SUCCEEDED", 1], ["FAILED", 1]]);

    await retryTask(deps, { taskId: created.id, actor: actor() });
    const done = await taskFinished(deps, created.id);
    expect(done.status, `${done.statusReason}\n${daemon.output()}`).toBe("SUCCEEDED");
    const after = await deps.db.subtask.findMany({ where: { taskId: created.id }, orderBy: { index: "asc" } });
    expect(after.map((s) => [s.status, s.attempts, s.attemptBase])).toEqual([["SUCCEEDED", 1, 0], ["SUCCEEDED", 1, 0], ["SUCCEEDED", 2, 1]]);
    expect(after.slice(0, 2).map((s) => s.finishedAt)).toEqual(before.slice(0, 2).map((s) => s.finishedAt));
  }, 180_000);

  it("is harmless twice and under concurrency: one retry wins, the others are refused and change nothing", async () => {
    const { taskId } = await seedTaskGraph(deps.db, owner.id, "FAILED", diamond());
    const outcomes = await Promise.allSettled([retryTask(deps, { taskId, actor: actor() }), retryTask(deps, { taskId, actor: actor() })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(ServiceError);
    expect((rejected?.reason as ServiceError).code).toBe("CONFLICT");
    expect((rejected?.reason as ServiceError).message).toMatch(/this one is running/);

    const again = await refusal(retryTask(deps, { taskId, actor: actor() }));
    expect(again).toBeInstanceOf(ServiceError);
    expect(await deps.db.auditEvent.count({ where: { action: "task.retried", targetId: taskId } })).toBe(1);
    expect(await deps.db.logEvent.count({ where: { taskId, message: { startsWith: "Retry requested" } } })).toBe(1);

    const finished = await taskFinished(deps, taskId);
    expect(finished.status, daemon.output()).toBe("SUCCEEDED");
    // Each retried subtask ran exactly once more.
    const subtasks = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    expect(subtasks.map((s) => s.attempts)).toEqual([1, 1, 4, 1]);
  }, 180_000);

  it("retries a cancelled task that had a failed subtask", async () => {
    const { taskId, ids } = await seedTaskGraph(deps.db, owner.id, "CANCELLED", diamond("FAILED", "CANCELLED"));
    expect(await retryTask(deps, { taskId, actor: actor() })).toMatchObject({ reset: 2, kept: 2 });
    const finished = await taskFinished(deps, taskId);
    expect(finished.status, daemon.output()).toBe("SUCCEEDED");
    expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[3] } })).status).toBe("SUCCEEDED");
  }, 180_000);
});
