// Replaces the plan of a task waiting for review with the one a person edited: instructions and
// titles changed, subtasks removed or added, dependencies changed. Validated like a planned one
// (cycles refused by name), re-estimated, and stored with the next plan version. Nothing has run
// yet, so the old subtasks are simply replaced.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { MAX_PLAN_SUBTASKS, ZPlannedSubtaskSchema } from "../../contracts/plan";
import { recordAudit } from "../audit/record-audit";
import { microsToUsd } from "../costs/compute-cost";
import { formatUsd } from "../../client/format-usd";
import { loadPlanEstimate } from "../estimates/load-plan-estimate";
import { recordLogs } from "../logs/append-logs";
import type { OrchestratorDeps } from "../orchestration/deps";
import { insertPlanSubtasks } from "../orchestration/insert-plan-subtasks";
import { ServiceError } from "../service-error";
import { lockPlanUnderReview } from "./lock-plan-under-review";
import { validatePlanEdit } from "./validate-plan-edit";

const ZEditedSubtaskSchema = ZPlannedSubtaskSchema.extend({
  title: z.string().trim().min(1, "is empty — every subtask needs a title").max(200, "is longer than 200 characters"),
  instructions: z.string().trim().min(1, "is empty — tell the agent what to do").max(20_000, "is longer than 20,000 characters"),
  dependsOn: z.array(z.number().int().min(0)).max(MAX_PLAN_SUBTASKS).default([]),
});

export const ZPlanVersionRequestSchema = z.object({ id: z.string().min(1).max(64), planVersion: z.number().int().min(0) });

export const ZEditPlanRequestSchema = ZPlanVersionRequestSchema.extend({
  /** The whole plan as it should be; `dependsOn` holds positions in this list, from 0. */
  subtasks: z.array(ZEditedSubtaskSchema).min(1, "must keep at least one subtask — discard the plan instead").max(MAX_PLAN_SUBTASKS),
});

export async function editPlan(
  deps: OrchestratorDeps,
  args: { request: z.output<typeof ZEditPlanRequestSchema>; actor: Actor; defaultModel: string; ip?: string },
) {
  const { id: taskId, planVersion } = args.request;
  const validation = validatePlanEdit({ subtasks: args.request.subtasks });
  if (!validation.ok) throw new ServiceError("BAD_REQUEST", validation.error);
  const plan = validation.plan;
  const planned = await loadPlanEstimate(deps.db, plan.subtasks, { defaultModel: args.defaultModel });
  const { estimate } = planned;

  const version = await deps.db.$transaction(async (tx) => {
    await lockPlanUnderReview(tx, taskId, planVersion);
    await tx.subtask.deleteMany({ where: { taskId } });
    await insertPlanSubtasks(tx, taskId, plan, planned);
    const task = await tx.task.update({
      where: { id: taskId },
      data: { planVersion: { increment: 1 }, estimatedTokens: estimate.tokens, estimatedCostMicros: estimate.costMicros, estimatedSeconds: estimate.seconds },
      select: { planVersion: true },
    });
    await recordAudit(tx, {
      actor: args.actor,
      action: "task.plan_edited",
      target: { type: "task", id: taskId },
      data: { subtasks: plan.subtasks.length, planVersion: task.planVersion, estimatedUsd: microsToUsd(estimate.costMicros) },
      ip: args.ip,
    });
    return task.planVersion;
  });

  await recordLogs(deps, taskId, [
    { kind: "STATUS", message: `Plan edited by ${args.actor.email}: ${plan.subtasks.length} subtasks, estimated at ${formatUsd(estimate.costMicros)}.` },
  ]);
  deps.publisher.taskUpdate({ taskId, status: "AWAITING_REVIEW" });
  return { planVersion: version, estimatedTokens: estimate.tokens, estimatedCostMicros: estimate.costMicros, estimatedSeconds: estimate.seconds };
}
