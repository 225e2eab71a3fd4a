// A plan's subtasks as rows, each with its estimate and the profile it will run on, and the
// Prisma write of them with their dependency edges, used when a reviewed plan is edited. A plan's
// first save writes the same rows in one statement (save-plan.ts).
import type { Plan } from "../../contracts/plan";
import type { Prisma } from "../../db/create-prisma";
import type { LoadedPlanEstimate } from "../estimates/load-plan-estimate";

export function planSubtaskRows(plan: Plan, planned: LoadedPlanEstimate) {
  return plan.subtasks.map((subtask, index) => {
    const estimate = planned.estimate.subtasks[index]!;
    return {
      index,
      title: subtask.title,
      instructions: subtask.instructions,
      capabilities: subtask.capabilities,
      priority: subtask.priority,
      estimateSeconds: subtask.estimateSeconds ?? null,
      optional: subtask.optional,
      profileId: planned.routed[index]?.id ?? null,
      estimatedTokens: estimate.tokens,
      estimatedCostMicros: estimate.costMicros,
      estimatedSeconds: estimate.seconds,
      estimateBasis: estimate.basis,
      estimateSamples: estimate.samples,
    };
  });
}

/** Each dependency edge as the indexes of the dependent subtask and of the one it waits for. */
export function planEdges(plan: Plan): { from: number; to: number }[] {
  return plan.subtasks.flatMap((subtask, index) => subtask.dependsOn.map((dep) => ({ from: index, to: dep })));
}

export async function insertPlanSubtasks(tx: Prisma.TransactionClient, taskId: string, plan: Plan, planned: LoadedPlanEstimate): Promise<void> {
  const created = await tx.subtask.createManyAndReturn({
    data: planSubtaskRows(plan, planned).map((row) => ({ taskId, ...row })),
    select: { id: true, index: true },
  });
  const idByIndex = new Map(created.map((row) => [row.index, row.id]));
  await tx.subtaskDependency.createMany({
    data: planEdges(plan).map((edge) => ({ subtaskId: idByIndex.get(edge.from)!, dependsOnId: idByIndex.get(edge.to)! })),
  });
}
