// Task states as clients see them, and at which of them a waiting client stops.
import type { RouterOutputs } from "./create-baton-client";

export type TaskStatus = RouterOutputs["task"]["byId"]["status"];
/** Where a follower stops: the task ended, or it paused at its budget and waits for a person. */
export type FinalTaskStatus = Extract<TaskStatus, "SUCCEEDED" | "FAILED" | "CANCELLED" | "BUDGET_REACHED">;

export const TASK_STATUSES = ["PLANNING", "RUNNING", "BUDGET_REACHED", "FINALIZING", "SUCCEEDED", "FAILED", "CANCELLED"] as const satisfies readonly TaskStatus[];
// Fails to compile when the server gains a status this list lacks.
const _everyStatusListed: [Exclude<TaskStatus, (typeof TASK_STATUSES)[number]>] extends [never] ? true : never = true;
const FINAL_STATUSES: readonly string[] = ["SUCCEEDED", "FAILED", "CANCELLED", "BUDGET_REACHED"] satisfies FinalTaskStatus[];

export function isFinalStatus(status: string | undefined): status is FinalTaskStatus {
  return status !== undefined && FINAL_STATUSES.includes(status);
}
