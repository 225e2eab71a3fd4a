// Stores a validated plan: subtasks (with their estimates) and dependency edges in one
// statement, and the plan's estimate on the task. Then the task either moves to RUNNING and
// advance() queues the roots, or stops at AWAITING_REVIEW when its creator asked to review the
// plan or its estimated cost is above the review threshold an admin set. A task that already
// left PLANNING is left alone, so a plan job that runs twice stores one plan.
import { randomUUID } from "node:crypto";
import type { Plan } from "../../contracts/plan";
import { getBudgetSettings } from "../budgets/budget-settings";
import { formatUsd } from "../../client/format-usd";
import { loadPlanEstimate } from "../estimates/load-plan-estimate";
import { recordLogs } from "../logs/append-logs";
import { advance } from "./advance";
import type { OrchestratorDeps } from "./deps";
import { planEdges, planSubtaskRows } from "./insert-plan-subtasks";

export async function savePlan(deps: OrchestratorDeps, taskId: string, plan: Plan, options: { defaultModel: string }): Promise<boolean> {
  const [planned, settings] = await Promise.all([loadPlanEstimate(deps.db, plan.subtasks, options), getBudgetSettings(deps.db)]);
  const { estimate } = planned;

  const threshold = settings.reviewAboveMicros;
  const overThreshold = threshold !== null && estimate.costMicros > threshold;
  const overReason = overThreshold
    ? `The plan's estimated cost, ${formatUsd(estimate.costMicros)}, is above the ${formatUsd(threshold)} an admin set for review; nothing runs until it is approved.`
    : null;
  const rows = JSON.stringify(planSubtaskRows(plan, planned).map((row) => ({ ...row, id: randomUUID(), estimatedCostMicros: String(row.estimatedCostMicros) })));
  // One statement, so planning holds the task's row lock for one round trip: the task is locked
  // and checked, the subtasks and edges inserted, and the task moved on, or nothing happens when
  // the task already left PLANNING (a plan job that ran twice stores one plan).
  const [saved] = await deps.sql.query<{ review: boolean; reason: string | null }>`
    WITH task AS (
      SELECT id, "reviewPlan" OR ${overThreshold}::boolean AS review,
        COALESCE(${overReason}::text, CASE WHEN "reviewPlan" THEN ${REVIEW_REASON}::text END) AS reason
      FROM "Task" WHERE id = ${taskId} AND status = 'PLANNING' FOR NO KEY UPDATE
    ), inserted AS (
      INSERT INTO "Subtask" (id, "taskId", index, title, instructions, capabilities, priority, "estimateSeconds", optional, "profileId",
        "estimatedTokens", "estimatedCostMicros", "estimatedSeconds", "estimateBasis", "estimateSamples", "updatedAt")
      SELECT r.id, task.id, r.index, r.title, r.instructions, r.capabilities, r.priority, r."estimateSeconds", r.optional, r."profileId",
        r."estimatedTokens", r."estimatedCostMicros"::bigint, r."estimatedSeconds", r."estimateBasis", r."estimateSamples", now()
      FROM task, jsonb_to_recordset(${rows}::jsonb) AS r(id text, index int, title text, instructions text, capabilities text[],
        priority int, "estimateSeconds" int, optional boolean, "profileId" text, "estimatedTokens" int, "estimatedCostMicros" text,
        "estimatedSeconds" int, "estimateBasis" text, "estimateSamples" int)
      RETURNING id, index
    ), edges AS (
      INSERT INTO "SubtaskDependency" ("subtaskId", "dependsOnId")
      SELECT dependent.id, dependency.id
      FROM jsonb_to_recordset(${JSON.stringify(planEdges(plan))}::jsonb) AS e("from" int, "to" int)
      JOIN inserted dependent ON dependent.index = e."from" JOIN inserted dependency ON dependency.index = e."to"
    )
    UPDATE "Task" t SET status = (CASE WHEN task.review THEN 'AWAITING_REVIEW' ELSE 'RUNNING' END)::"TaskStatus",
      "statusReason" = task.reason, "startedAt" = CASE WHEN task.review THEN t."startedAt" ELSE now() END,
      "estimatedTokens" = ${estimate.tokens}, "estimatedCostMicros" = ${estimate.costMicros}, "estimatedSeconds" = ${estimate.seconds}, "updatedAt" = now()
    FROM task WHERE t.id = task.id
    RETURNING task.review, task.reason`;
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

const REVIEW_REASON = "Waiting for review of the plan; nothing runs until it is approved.";
