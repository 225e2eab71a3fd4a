// Pauses a task whose next model call could pass its budget: BUDGET_REACHED instead of failing.
// Queued subtasks go back to PENDING with their waiting jobs removed; running ones stop at their
// next model call (the agents check the status), so nothing done so far is lost or redone.
import { formatUsd } from "../../client/format-usd";
import { recordLogs } from "../logs/append-logs";
import type { OrchestratorDeps } from "../orchestration/deps";
import { GENERALIST_PROFILE } from "../profiles/route-profile";

export async function pauseAtBudget(deps: OrchestratorDeps, taskId: string): Promise<boolean> {
  const outcome = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: taskId, status: { in: ["PLANNING", "RUNNING", "FINALIZING"] } },
      data: { status: "BUDGET_REACHED", statusReason: "Budget reached: the next model call could cost more than is left." },
    });
    if (count === 0) return null;
    const task = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: { costMicros: true, budgetMicros: true } });
    const queued = await tx.subtask.findMany({ where: { taskId, status: "QUEUED" }, select: { id: true, profile: { select: { name: true } } } });
    await tx.subtask.updateMany({ where: { id: { in: queued.map((s) => s.id) } }, data: { status: "PENDING", statusReason: "Waiting: the task reached its budget." } });
    return { task, queued };
  });
  if (!outcome) return false;

  await Promise.all(
    outcome.queued.map((s) => deps.dispatcher.remove(deps.keys.agentQueue(s.profile?.name ?? GENERALIST_PROFILE), "subtask", { taskId, subtaskId: s.id })),
  );
  deps.publisher.taskUpdate({ taskId, status: "BUDGET_REACHED" });
  for (const s of outcome.queued) deps.publisher.taskUpdate({ taskId, subtaskId: s.id, subtaskStatus: "PENDING" });
  const { costMicros, budgetMicros } = outcome.task;
  await recordLogs(deps, taskId, [
    {
      kind: "STATUS",
      level: "WARN",
      message: `Budget reached — spent ${formatUsd(costMicros)} of ${formatUsd(budgetMicros ?? 0n)}. Raise the budget to continue, or stop here.`,
    },
  ]);
  return true;
}
