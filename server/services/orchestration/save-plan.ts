// Stores a validated plan: subtasks (with their estimates) and dependency edges in one
// transaction, and the plan's estimate on the task. Then the task either moves to RUNNING and
// advance() queues the roots, or stops at AWAITING_REVIEW when its creator asked to review the
// plan or its estimated cost is above the review threshold an admin set. A task that already
// left PLANNING is left alone, so a plan job that runs twice stores one plan.
import type { Plan } from "../../contracts/plan";
import { getBudgetSettings } from "../budgets/budget-settings";
import { formatUsd } from "../costs/format-usd";
import { loadPlanEstimate } from "../estimates/load-plan-estimate";
import { recordLogs } from "../logs/append-logs";
import { advance } from "./advance";
import type { OrchestratorDeps } from "./deps";
import { insertPlanSubtasks } from "./insert-plan-subtasks";

export async function savePlan(deps: OrchestratorDeps, taskId: string, plan: Plan, options: { defaultModel: string }): Promise<boolean> {
  const [planned, settings] = await Promise.all([loadPlanEstimate(deps.db, plan.subtasks, options), getBudgetSettings(deps.db)]);
  const { estimate } = planned;

  const saved = await deps.db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string; reviewPlan: boolean }[]>`
      SELECT status, "reviewPlan" FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
    const task = locked[0];
    if (task?.status !== "PLANNING") return null;

    await insertPlanSubtasks(tx, taskId, plan, planned);
    const threshold = settings.reviewAboveMicros;
    const overThreshold = threshold !== null && estimate.costMicros > threshold;
    const review = task.reviewPlan || overThreshold;
    const reason = !review
      ? null
      : overThreshold
        ? `The plan's estimated cost, ${formatUsd(estimate.costMicros)}, is above the ${formatUsd(threshold)} an admin set for review; nothing runs until it is approved.`
        : "Waiting for review of the plan; nothing runs until it is approved.";
    await tx.task.update({
      where: { id: taskId },
      data: {
        status: review ? "AWAITING_REVIEW" : "RUNNING",
        statusReason: reason,
        ...(review ? {} : { startedAt: new Date() }),
        estimatedTokens: estimate.tokens,
        estimatedCostMicros: estimate.costMicros,
        estimatedSeconds: estimate.seconds,
      },
    });
    return { review, reason };
  });
  if (!saved) return false;

  const status = saved.review ? "AWAITING_REVIEW" : "RUNNING";
  deps.publisher.taskUpdate({ taskId, status });
  await recordLogs(deps, taskId, [
    {
      kind: "STATUS",
      message: `Planned ${plan.subtasks.length} subtasks, estimated at ${formatUsd(estimate.costMicros)}.`,
      data: { subtasks: plan.subtasks.map((s) => ({ title: s.title, dependsOn: s.dependsOn })) },
    },
    ...(saved.reason ? [{ kind: "STATUS" as const, message: saved.reason }] : []),
  ]);
  if (!saved.review) await advance(deps, taskId);
  return true;
}
