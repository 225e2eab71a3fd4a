// Stores a validated plan: subtasks and dependency edges in one transaction, the task moves to
// RUNNING, then advance() queues the roots. A task that already left PLANNING is left alone, so
// a plan job that runs twice stores one plan.
import type { Plan } from "../../contracts/plan";
import { recordLogs } from "../logs/append-logs";
import { advance } from "./advance";
import type { OrchestratorDeps } from "./deps";

export async function savePlan(deps: OrchestratorDeps, taskId: string, plan: Plan): Promise<boolean> {
  const saved = await deps.db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string }[]>`
      SELECT status FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
    if (locked[0]?.status !== "PLANNING") return false;

    const created = await tx.subtask.createManyAndReturn({
      data: plan.subtasks.map((subtask, index) => ({
        taskId,
        index,
        title: subtask.title,
        instructions: subtask.instructions,
        capabilities: subtask.capabilities,
        priority: subtask.priority,
        estimateSeconds: subtask.estimateSeconds ?? null,
        optional: subtask.optional,
      })),
      select: { id: true, index: true },
    });
    const idByIndex = new Map(created.map((row) => [row.index, row.id]));
    await tx.subtaskDependency.createMany({
      data: plan.subtasks.flatMap((subtask, index) =>
        subtask.dependsOn.map((dep) => ({ subtaskId: idByIndex.get(index)!, dependsOnId: idByIndex.get(dep)! })),
      ),
    });
    await tx.task.update({ where: { id: taskId }, data: { status: "RUNNING", startedAt: new Date() } });
    return true;
  });
  if (!saved) return false;

  deps.publisher.taskUpdate({ taskId, status: "RUNNING" });
  await recordLogs(deps, taskId, [
    {
      kind: "STATUS",
      message: `Planned ${plan.subtasks.length} subtasks.`,
      data: { subtasks: plan.subtasks.map((s) => ({ title: s.title, dependsOn: s.dependsOn })) },
    },
  ]);
  await advance(deps, taskId);
  return true;
}
