// Whether a task can be retried from where it failed, and which subtasks would run again. Pure,
// so the task page decides whether to offer the action by the same rule the service enforces.

/** Subtasks that ended without a result; a retry puts them back to PENDING. */
export const RERUNNABLE_SUBTASK_STATUSES = ["FAILED", "SKIPPED", "CANCELLED"] as const;

export interface RetrySubtask {
  id: string;
  status: string;
}

export type RetryEligibility = { retryable: true; reset: string[]; kept: number } | { retryable: false; reason: string };

export function retryEligibility(status: string, subtasks: RetrySubtask[]): RetryEligibility {
  const failed = subtasks.some((s) => s.status === "FAILED");
  if (status === "CANCELLED" && !failed) {
    return { retryable: false, reason: "No subtask of this cancelled task failed, so there is nothing to retry; re-run it instead." };
  }
  if (status !== "FAILED" && status !== "CANCELLED") {
    return { retryable: false, reason: `Only a failed task, or a cancelled one with failed subtasks, can be retried; this one is ${describeStatus(status)}.` };
  }
  if (subtasks.length === 0) {
    return { retryable: false, reason: "The task stopped before it had a plan, so there are no subtasks to retry; re-run it instead." };
  }
  const reset = subtasks.filter((s) => (RERUNNABLE_SUBTASK_STATUSES as readonly string[]).includes(s.status)).map((s) => s.id);
  return { retryable: true, reset, kept: subtasks.filter((s) => s.status === "SUCCEEDED").length };
}

function describeStatus(status: string): string {
  return status === "BUDGET_REACHED" ? "paused at its budget" : status.toLowerCase().replaceAll("_", " ");
}
