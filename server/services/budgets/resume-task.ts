// Raises a task's budget and, when it was paused at the budget, sends it on from where it stopped:
// planning again if it had no plan yet, otherwise advance() queues the subtasks that were waiting
// (or hands the task to finalize). Subtasks that succeeded are never run again.
import type { Actor } from "../../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { microsToUsd } from "../costs/compute-cost";
import { formatUsd } from "../../client/format-usd";
import { recordLogs } from "../logs/append-logs";
import { advance } from "../orchestration/advance";
import type { OrchestratorDeps } from "../orchestration/deps";
import { GENERALIST_PROFILE } from "../profiles/route-profile";
import { ServiceError } from "../service-error";

const OPEN = ["PLANNING", "AWAITING_REVIEW", "RUNNING", "FINALIZING", "BUDGET_REACHED"];

export async function raiseTaskBudget(deps: OrchestratorDeps, args: { taskId: string; budgetMicros: bigint; actor: Actor; ip?: string }) {
  const { db, dispatcher, keys } = deps;
  const outcome = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; costMicros: bigint; createdAt: Date; timeoutAt: Date | null }[]>`
      SELECT status::text AS status, "costMicros", "createdAt", "timeoutAt" FROM "Task" WHERE id = ${args.taskId} FOR NO KEY UPDATE`;
    const task = rows[0];
    if (!task) throw new ServiceError("NOT_FOUND", `No task with id "${args.taskId}".`);
    if (!OPEN.includes(task.status)) throw new ServiceError("CONFLICT", `The task has already finished (${task.status.toLowerCase()}).`);
    if (args.budgetMicros <= task.costMicros) {
      throw new ServiceError("BAD_REQUEST", `must be more than the ${formatUsd(task.costMicros)} already spent.`, "budgetUsd");
    }
    await recordAudit(tx, {
      actor: args.actor,
      action: "task.budget_raised",
      target: { type: "task", id: args.taskId },
      data: { budgetUsd: microsToUsd(args.budgetMicros), spentUsd: microsToUsd(task.costMicros) },
      ip: args.ip,
    });
    if (task.status !== "BUDGET_REACHED") {
      await tx.task.update({ where: { id: args.taskId }, data: { budgetMicros: args.budgetMicros } });
      return { resumed: null, pending: [] };
    }
    const planned = await tx.subtask.count({ where: { taskId: args.taskId } });
    // The time spent waiting for a person does not count against the task's deadline.
    const window = task.timeoutAt ? task.timeoutAt.getTime() - task.createdAt.getTime() : null;
    await tx.task.update({
      where: { id: args.taskId },
      data: {
        budgetMicros: args.budgetMicros,
        status: planned ? "RUNNING" : "PLANNING",
        statusReason: null,
        ...(window ? { timeoutAt: new Date(Date.now() + window) } : {}),
      },
    });
    const pending = await tx.subtask.findMany({ where: { taskId: args.taskId, status: "PENDING" }, select: { id: true, profile: { select: { name: true } } } });
    return { resumed: planned ? ("RUNNING" as const) : ("PLANNING" as const), pending };
  });

  await recordLogs(deps, args.taskId, [{ kind: "STATUS", message: `Budget raised to ${formatUsd(args.budgetMicros)} by ${args.actor.email}.` }]);
  if (!outcome.resumed) return { resumed: false };

  const generalist = keys.agentQueue(GENERALIST_PROFILE);
  // Jobs of runs that stopped at the budget ended as completed; their ids must be free again.
  await Promise.all([
    dispatcher.remove(generalist, "plan", { taskId: args.taskId }),
    dispatcher.remove(generalist, "finalize", { taskId: args.taskId }),
    ...outcome.pending.map((s) => dispatcher.remove(keys.agentQueue(s.profile?.name ?? GENERALIST_PROFILE), "subtask", { taskId: args.taskId, subtaskId: s.id })),
  ]);
  deps.publisher.taskUpdate({ taskId: args.taskId, status: outcome.resumed });
  if (outcome.resumed === "PLANNING") {
    await dispatcher.enqueue("plan", { taskId: args.taskId }, { queue: generalist });
  } else {
    await advance(deps, args.taskId);
  }
  return { resumed: true };
}
