// "Stop here" on a task paused at its budget: it ends as CANCELLED, keeping everything its
// subtasks produced and the spend so far.
import type { OrchestratorDeps } from "../orchestration/deps";
import { ServiceError } from "../service-error";
import { cancelTask } from "../tasks/cancel-task";

export const STOPPED_AT_BUDGET = "Stopped at the budget";

export async function stopAtBudget(deps: OrchestratorDeps, taskId: string): Promise<void> {
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { status: true } });
  if (!task) throw new ServiceError("NOT_FOUND", `No task with id "${taskId}".`);
  if (task.status !== "BUDGET_REACHED") {
    throw new ServiceError("CONFLICT", `Only a task paused at its budget can be stopped there; this one is ${task.status.toLowerCase()}.`);
  }
  const result = await cancelTask(deps, { taskId, reason: STOPPED_AT_BUDGET });
  if (!result.cancelled) throw new ServiceError("CONFLICT", "The task changed while stopping it; reload and try again.");
}
