// advance() against the real database and queues: concurrent callers, failure, finalize.
import { fork } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { advance } from "./advance";
import { savePlan } from "./save-plan";
import type { Plan } from "../../contracts/plan";

const deps = createTestDeps("advance");
beforeAll(() => resetData(deps));
afterAll(() => deps.close());

const subtask = (title: string, dependsOn: number[] = [], capabilities = ["read"]) => ({ title, instructions: title, capabilities, dependsOn, priority: 5, optional: false });

async function plannedTask(plan: Plan) {
  const task = await deps.db.task.create({ data: { title: "t", prompt: "p" } });
  // savePlan advances once itself; tests then call advance again as other processes would.
  await savePlan(deps, task.id, plan, deps);
  return task.id;
}

async function queuedJobIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const profile of ["analyst", "generalist"]) {
    const jobs = await deps.dispatcher.queue(deps.keys.agentQueue(profile)).getJobs(["waiting", "prioritized"]);
    ids.push(...jobs.map((job) => job.id!));
  }
  return ids.sort();
}

describe("advance", () => {
  it("queues each ready subtask once when called concurrently from several processes", async () => {
    const taskId = await plannedTask({ subtasks: Array.from({ length: 12 }, (_, i) => subtask(`root ${i}`)) });
    // Undo the first advance so the concurrent callers race for the same 12 subtasks.
    await deps.db.subtask.updateMany({ where: { taskId }, data: { status: "PENDING", queuedAt: null } });
    for (const queue of ["analyst", "generalist"]) await deps.dispatcher.queue(deps.keys.agentQueue(queue)).obliterate({ force: true });

    const script = path.join(import.meta.dirname, "../../testing/advance-once.ts");
    const children = Array.from({ length: 4 }, () => fork(script, [taskId, deps.prefix], { execArgv: ["--import", "tsx"], env: process.env }));
    await Promise.all(children.map((child) => new Promise((resolve) => child.once("message", resolve))));
    const results = await Promise.all(
      children.map((child) => {
        const result = new Promise<{ kind: string; subtaskIds?: string[] }>((resolve) => child.once("message", resolve as never));
        child.send("go");
        return result;
      }),
    );

    const queuedBy = results.flatMap((r) => r.subtaskIds ?? []);
    expect(queuedBy).toHaveLength(12);
    expect(new Set(queuedBy).size).toBe(12);
    const subtasks = await deps.db.subtask.findMany({ where: { taskId } });
    expect(subtasks.every((s) => s.status === "QUEUED")).toBe(true);
    expect(await queuedJobIds()).toEqual(subtasks.map((s) => `subtask-${s.id}`).sort());
  });

  it("queues dependents only when their dependencies succeed, and hands a finished graph to finalize", async () => {
    const taskId = await plannedTask({ subtasks: [subtask("a"), subtask("b", [0]), subtask("c", [0]), subtask("d", [1, 2], ["write"])] });
    const rows = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["QUEUED", "PENDING", "PENDING", "PENDING"]);

    await deps.db.subtask.update({ where: { id: rows[0]!.id }, data: { status: "SUCCEEDED" } });
    expect(await advance(deps, taskId)).toEqual({ kind: "queued", subtaskIds: [rows[1]!.id, rows[2]!.id] });
    expect(await advance(deps, taskId)).toEqual({ kind: "queued", subtaskIds: [] });

    await deps.db.subtask.updateMany({ where: { id: { in: [rows[1]!.id, rows[2]!.id] } }, data: { status: "SUCCEEDED" } });
    const joined = await advance(deps, taskId);
    expect(joined).toEqual({ kind: "queued", subtaskIds: [rows[3]!.id] });
    expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: rows[3]!.id }, include: { profile: true } })).profile?.name).toBe("generalist");

    await deps.db.subtask.update({ where: { id: rows[3]!.id }, data: { status: "SUCCEEDED" } });
    expect(await advance(deps, taskId)).toEqual({ kind: "finalizing" });
    expect(await advance(deps, taskId)).toEqual({ kind: "noop", reason: "task is FINALIZING" });
    expect(await deps.dispatcher.jobState(deps.keys.agentQueue("generalist"), "finalize", { taskId })).not.toBe("missing");
  });

  it("fails the task and skips what has not started when a required subtask fails", async () => {
    const taskId = await plannedTask({ subtasks: [subtask("a"), subtask("b"), subtask("c", [0, 1])] });
    const rows = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    await deps.db.subtask.update({ where: { id: rows[0]!.id }, data: { status: "FAILED" } });
    const result = await advance(deps, taskId);
    expect(result).toEqual({ kind: "failed", reason: 'Subtask "a" failed.' });
    const after = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    expect(after.map((r) => r.status)).toEqual(["FAILED", "SKIPPED", "SKIPPED"]);
    expect((await deps.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("FAILED");
  });
});
