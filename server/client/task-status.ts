// Task states as clients see them, and at which of them a waiting client stops.
import type { RouterOutputs } from "./create-baton-client";

export type TaskStatus = RouterOutputs["task"]["byId"]["status"];
/** Where a follower stops: the task ended, or it waits for a person (plan review, budget). */
export type FinalTaskStatus = Extract<TaskStatus, "SUCCEEDED" | "FAILED" | "CANCELLED" | "BUDGET_REACHED" | "AWAITING_REVIEW">;

export const TASK_STATUSES = ["PLANNING", "AWAITING_REVIEW", "RUNNING", "BUDGET_REACHED", "FINALIZING", "SUCCEEDED", "FAILED", "CANCELLED"] as const satisfies readonly TaskStatus[];
// Fails to compile when the server gains a status this list lacks.
const _everyStatusListed: [Exclude<TaskStatus, (typeof TASK_STATUSES)[number]>] extends [never] ? true : never = true;
const FINAL_STATUSES: readonly string[] = ["SUCCEEDED", "FAILED", "CANCELLED", "BUDGET_REACHED", "AWAITING_REVIEW"] satisfies FinalTaskStatus[];

export function isFinalStatus(status: string | undefined): status is FinalTaskStatus {
  return status !== undefined && FINAL_STATUSES.includes(status);
}
