// Writes a plan's subtasks and dependency edges for a task, each subtask with its estimate and
// the profile it will run on. Used when a plan is first saved and when a reviewed plan is edited.
import type { Plan } from "../../contracts/plan";
import type { Prisma } from "../../db/create-prisma";
import type { LoadedPlanEstimate } from "../estimates/load-plan-estimate";

export async function insertPlanSubtasks(tx: Prisma.TransactionClient, taskId: string, plan: Plan, planned: LoadedPlanEstimate): Promise<void> {
  const created = await tx.subtask.createManyAndReturn({
    data: plan.subtasks.map((subtask, index) => {
      const estimate = planned.estimate.subtasks[index]!;
      return {
        taskId,
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
    }),
    select: { id: true, index: true },
  });
  const idByIndex = new Map(created.map((row) => [row.index, row.id]));
  await tx.subtaskDependency.createMany({
    data: plan.subtasks.flatMap((subtask, index) =>
      subtask.dependsOn.map((dep) => ({ subtaskId: idByIndex.get(index)!, dependsOnId: idByIndex.get(dep)! })),
    ),
  });
}
