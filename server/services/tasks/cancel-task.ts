// Cancels a task: final status in one transaction (its unanswered approvals end with it), waiting
// jobs removed, running agents told to abort (they stop their model stream and kill their
// commands) and given a moment to store their last lines, then the closing line.
import { z } from "zod";
import { recordLogs } from "../logs/append-logs";
import type { OrchestratorDeps } from "../orchestration/deps";
import { agentsRunning } from "../orchestration/finish-task";
import { publishTaskEnd } from "./publish-task-end";

export const ZCancelTaskRequestSchema = z.object({ id: z.string().min(1).max(64) });

export type CancelResult = { cancelled: true } | { cancelled: false; reason: "not_found" | "already_finished"; status?: string };

export async function cancelTask(deps: OrchestratorDeps, args: { taskId: string; reason?: string }): Promise<CancelResult> {
  const { db, dispatcher, keys, publisher } = deps;
  const reason = args.reason ?? "Cancelled by a user.";
  const now = new Date();
  const outcome = await db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: args.taskId }, select: { status: true } });
    if (!task) return { result: { cancelled: false, reason: "not_found" } as CancelResult, subtasks: [] };
    const { count } = await tx.task.updateMany({
      where: { id: args.taskId, status: { in: ["PLANNING", "AWAITING_REVIEW", "RUNNING", "BUDGET_REACHED", "FINALIZING"] } },
      data: { status: "CANCELLED", statusReason: reason, finishedAt: now },
    });
    if (count === 0) {
      return { result: { cancelled: false, reason: "already_finished", status: task.status } as CancelResult, subtasks: [] };
    }
    const open = await tx.subtask.findMany({
      where: { taskId: args.taskId, status: { in: ["PENDING", "QUEUED", "RUNNING"] } },
      select: { id: true, status: true, agentId: true, profile: { select: { name: true } } },
    });
    await tx.subtask.updateMany({
      where: { id: { in: open.map((s) => s.id) } },
      data: { status: "CANCELLED", statusReason: reason, finishedAt: now },
    });
    await tx.approval.updateMany({ where: { taskId: args.taskId, status: "PENDING" }, data: { status: "EXPIRED", decidedAt: now } });
    return { result: { cancelled: true } as CancelResult, subtasks: open };
  });
  if (!outcome.result.cancelled) return outcome.result;

  // The waiting jobs go while the running agents stop.
  await Promise.all([
    deps.signals.abort(args.taskId, reason, agentsRunning(outcome.subtasks)),
    ...outcome.subtasks.map((s) =>
      s.profile ? dispatcher.remove(keys.agentQueue(s.profile.name), "subtask", { taskId: args.taskId, subtaskId: s.id }) : undefined,
    ),
  ]);
  // The closing line first: whoever watches for the final status has every line by then. The
  // stopped runs' last lines came before it (the abort waited for them).
  await recordLogs(deps, args.taskId, [{ kind: "STATUS", level: "WARN", message: reason }]);
  await publishTaskEnd(deps, args.taskId, "CANCELLED");
  for (const s of outcome.subtasks) publisher.taskUpdate({ taskId: args.taskId, subtaskId: s.id, subtaskStatus: "CANCELLED" });
  return outcome.result;
}
