// Log writes against the real database: gap-free seqs from writers racing on one task, a counter
// row of its own (a transaction holding the task row for a change does not hold them up), and a
// clear error for a task that does not exist.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../db/create-prisma";
import { holdLock } from "../../testing/hold-lock";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { lockPlanUnderReview } from "../plan-review/lock-plan-under-review";
import { appendLogs, TaskNotFoundError } from "./append-logs";

const deps = createTestDeps("append-logs");
afterAll(() => deps.close());
beforeAll(() => resetData(deps));

const newTask = async () => (await deps.db.task.create({ data: { title: "Logs", prompt: "Log" } })).id;
const lines = (n: number, from: string) => Array.from({ length: n }, (_, i) => ({ kind: "TEXT" as const, message: `${from} ${i + 1}` }));

describe("appendLogs", () => {
  it("numbers the lines of writers racing on one task 1..n with no gap, in each batch's order", async () => {
    const taskId = await newTask();
    const batches = await Promise.all(Array.from({ length: 12 }, (_, writer) => appendLogs(deps.sql, taskId, lines(1 + (writer % 4), `writer ${writer}`))));
    const total = batches.reduce((sum, batch) => sum + batch.length, 0);

    const stored = await deps.db.logEvent.findMany({ where: { taskId }, orderBy: { seq: "asc" }, select: { seq: true, message: true } });
    expect(stored.map((row) => row.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect((await deps.db.taskLogCounter.findUniqueOrThrow({ where: { taskId } })).seq).toBe(total);
    for (const batch of batches) {
      // A batch's seqs are consecutive and follow its order, and what it returns is what was stored.
      expect(batch.map((event) => event.seq)).toEqual(batch.map((_, i) => batch[0]!.seq + i));
      for (const event of batch) expect(stored[event.seq - 1]!.message).toBe(event.message);
    }
  });

  // What holds a task row while it changes: an update (a model call's usage, a status change), or
  // the lock a review action, a retry or a resume takes before it decides.
  it.each([
    ["an update of the task", (tx: Prisma.TransactionClient, taskId: string) => tx.$executeRaw`UPDATE "Task" SET "costMicros" = "costMicros" + 1 WHERE id = ${taskId}`],
    ["a review action's lock", (tx: Prisma.TransactionClient, taskId: string) => lockPlanUnderReview(tx, taskId)],
  ])("does not wait for a transaction holding the task row for %s", async (_, hold) => {
    const taskId = (await deps.db.task.create({ data: { title: "Logs", prompt: "Log", status: "AWAITING_REVIEW" } })).id;
    const held = await holdLock(deps.db, (tx) => hold(tx, taskId));
    try {
      const written = (async () => [
        ...(await appendLogs(deps.sql, taskId, lines(3, "while the task row is locked"))),
        ...(await appendLogs(deps.sql, taskId, lines(2, "and again"))),
      ])();
      const waited = sleep(5000, undefined, { ref: false }).then(() => "still waiting for the task row after 5 s");
      const outcome = await Promise.race([written, waited]);
      expect(outcome).not.toBe("still waiting for the task row after 5 s");
      expect((await written).map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await held.release();
    }
  });

  it("leaves no hole when a batch fails: the next batch takes the next number", async () => {
    const taskId = await newTask();
    await appendLogs(deps.sql, taskId, lines(2, "first"));
    // A line naming a subtask that does not exist fails the whole batch, and it is not a missing task.
    const failed = appendLogs(deps.sql, taskId, [...lines(2, "doomed"), { kind: "TEXT", subtaskId: "no-such-subtask", message: "bad" }]);
    await expect(failed).rejects.toThrow(/foreign key/);
    await expect(failed).rejects.not.toThrow(TaskNotFoundError);
    const next = await appendLogs(deps.sql, taskId, lines(1, "after"));
    expect(next.map((event) => event.seq)).toEqual([3]);
    expect(await deps.db.logEvent.count({ where: { taskId } })).toBe(3);
  });

  it("stores a line holding a NUL character or half an emoji (a binary file read, a cut output), marked, instead of failing its batch", async () => {
    const taskId = await newTask();
    const [event] = await appendLogs(deps.sql, taskId, [{ kind: "TOOL_RESULT", message: "read \u0000\u0001 cut \ud83d", data: { "key\u0000": ["\ude00"] } }]);
    const stored = await deps.db.logEvent.findUniqueOrThrow({ where: { taskId_seq: { taskId, seq: event!.seq } } });
    expect(stored.message).toBe("read \ufffd\u0001 cut \ufffd");
    expect(stored.data).toEqual({ "key\ufffd": ["\ufffd"] });
    expect(event!.message).toBe(stored.message);
  });

  it("keeps the time a line happened when it is given, and the time of the write otherwise", async () => {
    const taskId = await newTask();
    const happened = new Date(Date.now() - 1500);
    const before = Date.now();
    const events = await appendLogs(deps.sql, taskId, [{ kind: "STATUS", message: "earlier", at: happened }, { kind: "STATUS", message: "now" }]);
    const stored = await deps.db.logEvent.findMany({ where: { taskId }, orderBy: { seq: "asc" } });
    expect(stored[0]!.createdAt.getTime()).toBe(happened.getTime());
    expect(stored[1]!.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(events.map((event) => event.createdAt)).toEqual(stored.map((row) => row.createdAt.toISOString()));
  });

  it("refuses lines for a task that does not exist, and stores none", async () => {
    await expect(appendLogs(deps.sql, "no-such-task", lines(2, "orphan"))).rejects.toThrow(TaskNotFoundError);
    expect(await deps.db.logEvent.count({ where: { taskId: "no-such-task" } })).toBe(0);
    expect(await deps.db.taskLogCounter.count({ where: { taskId: "no-such-task" } })).toBe(0);
  });

  it("removes the counter with its task", async () => {
    const taskId = await newTask();
    await appendLogs(deps.sql, taskId, lines(2, "before delete"));
    await deps.db.task.delete({ where: { id: taskId } });
    expect(await deps.db.taskLogCounter.count({ where: { taskId } })).toBe(0);
  });
});
