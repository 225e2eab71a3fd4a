// The guard every review action takes first: inside the caller's transaction, lock the task row,
// and refuse unless the task is still waiting for review and (for actions on what the person
// saw) its plan is still the version they loaded. Row lock plus version: two reviewers cannot
// both edit, and an edit or approval made on a stale page is refused with a conflict.
import type { Prisma } from "../../db/create-prisma";
import { ServiceError } from "../service-error";

export interface LockedReview {
  status: string;
  planVersion: number;
  createdAt: Date;
  timeoutAt: Date | null;
  estimatedCostMicros: bigint | null;
}

export async function lockPlanUnderReview(tx: Prisma.TransactionClient, taskId: string, expectedVersion?: number): Promise<LockedReview> {
  const rows = await tx.$queryRaw<LockedReview[]>`
    SELECT status::text AS status, "planVersion", "createdAt", "timeoutAt", "estimatedCostMicros" FROM "Task" WHERE id = ${taskId} FOR NO KEY UPDATE`;
  const task = rows[0];
  if (!task) throw new ServiceError("NOT_FOUND", `No task with id "${taskId}".`);
  if (task.status !== "AWAITING_REVIEW") {
    throw new ServiceError("CONFLICT", `The plan is not waiting for review: the task is ${task.status.toLowerCase().replaceAll("_", " ")}.`);
  }
  if (expectedVersion !== undefined && expectedVersion !== task.planVersion) {
    throw new ServiceError(
      "CONFLICT",
      `The plan changed since you loaded it (you had version ${expectedVersion}, it is now version ${task.planVersion}). Reload to see the current plan, then make your changes again.`,
    );
  }
  return task;
}
