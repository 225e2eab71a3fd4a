// "Approve and run": the reviewed plan goes ahead. The task moves to RUNNING with a fresh
// deadline (time spent waiting for a person does not count against it), and advance() queues
// the roots — the same way forward as a plan that needed no review.
import type { Actor } from "../../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { microsToUsd } from "../costs/compute-cost";
import { recordLogs } from "../logs/append-logs";
import { advance } from "../orchestration/advance";
import type { OrchestratorDeps } from "../orchestration/deps";
import { lockPlanUnderReview } from "./lock-plan-under-review";

export async function approvePlan(deps: OrchestratorDeps, args: { taskId: string; planVersion: number; actor: Actor; ip?: string }) {
  const { taskId } = args;
  await deps.db.$transaction(async (tx) => {
    const task = await lockPlanUnderReview(tx, taskId, args.planVersion);
    const window = task.timeoutAt ? task.timeoutAt.getTime() - task.createdAt.getTime() : null;
    const now = new Date();
    await tx.task.update({
      where: { id: taskId },
      data: { status: "RUNNING", statusReason: null, startedAt: now, ...(window ? { timeoutAt: new Date(now.getTime() + window) } : {}) },
    });
    const subtasks = await tx.subtask.count({ where: { taskId } });
    await recordAudit(tx, {
      actor: args.actor,
      action: "task.plan_approved",
      target: { type: "task", id: taskId },
      data: { subtasks, planVersion: task.planVersion, estimatedUsd: task.estimatedCostMicros === null ? null : microsToUsd(task.estimatedCostMicros) },
      ip: args.ip,
    });
  });

  deps.publisher.taskUpdate({ taskId, status: "RUNNING" });
  await recordLogs(deps, taskId, [{ kind: "STATUS", message: `Plan approved by ${args.actor.email}; running.` }]);
  await advance(deps, taskId);
  return { approved: true as const };
}
