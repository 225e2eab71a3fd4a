// "Discard": the reviewed plan is not run and the task ends CANCELLED with the reviewer's reason.
// Nothing was queued while the task waited for review, so there are no jobs to remove or agents
// to stop.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { recordLogs } from "../logs/append-logs";
import type { OrchestratorDeps } from "../orchestration/deps";
import { publishTaskEnd } from "../tasks/publish-task-end";
import { lockPlanUnderReview } from "./lock-plan-under-review";

export const ZDiscardPlanRequestSchema = z.object({
  id: z.string().min(1).max(64),
  reason: z.string().trim().max(500, "is longer than 500 characters").optional(),
});

export async function discardPlan(deps: OrchestratorDeps, args: { taskId: string; reason?: string; actor: Actor; ip?: string }) {
  const { taskId } = args;
  const reason = `Plan discarded by ${args.actor.email}${args.reason ? `: ${args.reason}` : "."}`;
  const now = new Date();
  await deps.db.$transaction(async (tx) => {
    await lockPlanUnderReview(tx, taskId);
    await tx.task.update({ where: { id: taskId }, data: { status: "CANCELLED", statusReason: reason, finishedAt: now } });
    await tx.subtask.updateMany({ where: { taskId }, data: { status: "CANCELLED", statusReason: reason, finishedAt: now } });
    await recordAudit(tx, { actor: args.actor, action: "task.plan_discarded", target: { type: "task", id: taskId }, data: { reason: args.reason || null }, ip: args.ip });
  });

  // The closing line first: whoever watches for the final status has every line by then.
  await recordLogs(deps, taskId, [{ kind: "STATUS", level: "WARN", message: reason }]);
  await publishTaskEnd(deps, taskId, "CANCELLED");
  return { discarded: true as const };
}
