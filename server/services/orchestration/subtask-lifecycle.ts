// Subtask state changes made by agents. Each run claims the subtask and receives an attempt
// number; results are written only for that attempt while it is RUNNING, so a run that was
// presumed dead (and re-run elsewhere) can never record a second result.
import type { FinishInput } from "../../contracts/plan";
import type { Prisma } from "../../db/create-prisma";
import { advance } from "./advance";
import type { OrchestratorDeps } from "./deps";

export interface SubtaskClaim {
  attempt: number;
}

export async function claimSubtask(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; agentId: string },
): Promise<SubtaskClaim | null> {
  const rows = await deps.db.$queryRaw<{ attempts: number }[]>`
    UPDATE "Subtask" s SET status = 'RUNNING', attempts = s.attempts + 1, "agentId" = ${args.agentId},
      "startedAt" = COALESCE(s."startedAt", now()), "statusReason" = NULL, "updatedAt" = now()
    FROM "Task" t
    WHERE s.id = ${args.subtaskId} AND s."taskId" = ${args.taskId} AND t.id = s."taskId"
      AND t.status = 'RUNNING' AND s.status IN ('QUEUED', 'RUNNING')
    RETURNING s.attempts`;
  const claimed = rows[0];
  if (!claimed) return null;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: "RUNNING" });
  return { attempt: claimed.attempts };
}

export async function completeSubtask(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; attempt: number; result: FinishInput },
): Promise<boolean> {
  const { count } = await deps.db.subtask.updateMany({
    where: { id: args.subtaskId, status: "RUNNING", attempts: args.attempt },
    data: {
      status: "SUCCEEDED",
      summary: args.result.summary,
      output: (args.result.output ?? undefined) as Prisma.InputJsonValue | undefined,
      finishedAt: new Date(),
    },
  });
  if (count === 0) return false;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: "SUCCEEDED" });
  await advance(deps, args.taskId);
  return true;
}

/** A failed attempt: back to QUEUED while BullMQ retries, FAILED (and advance) when final. */
export async function failSubtaskAttempt(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; attempt: number; reason: string; final: boolean },
): Promise<void> {
  const status = args.final ? "FAILED" : "QUEUED";
  const { count } = await deps.db.subtask.updateMany({
    where: { id: args.subtaskId, status: "RUNNING", attempts: args.attempt },
    data: { status, statusReason: args.reason, ...(args.final ? { finishedAt: new Date() } : {}) },
  });
  if (count === 0) return;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: status });
  if (args.final) await advance(deps, args.taskId);
}

/**
 * Hands a claimed subtask back without using up its attempt: the run stopped at a safe point
 * before a model call (budget reached: back to PENDING, for advance() to queue on resume; fleet
 * paused: back to QUEUED, its job returns to the queue). Logs and spend so far are kept.
 */
export async function releaseSubtask(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; attempt: number; to: "PENDING" | "QUEUED"; reason: string },
): Promise<boolean> {
  const { count } = await deps.db.subtask.updateMany({
    where: { id: args.subtaskId, status: "RUNNING", attempts: args.attempt },
    data: { status: args.to, statusReason: args.reason, attempts: { decrement: 1 }, agentId: null },
  });
  if (count === 0) return false;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: args.to });
  return true;
}
