// Retries a failed task from where it stopped: subtasks that ended without a result (failed,
// skipped, cancelled) go back to PENDING, those that succeeded keep their output and spend, and
// advance() takes it from there. The attempt counter is the fence that keeps a presumed-dead run
// from writing, so it never goes back; `attemptBase` restarts the attempt limit instead.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { recordLogs } from "../logs/append-logs";
import { advance } from "../orchestration/advance";
import type { OrchestratorDeps } from "../orchestration/deps";
import { GENERALIST_PROFILE } from "../profiles/route-profile";
import { ServiceError } from "../service-error";
import { retryEligibility } from "./retry-eligibility";

export const ZRetryTaskRequestSchema = z.object({ id: z.string().min(1).max(64) });

export interface RetryResult {
  retried: true;
  /** Subtasks that run again. */
  reset: number;
  /** Subtasks whose results were kept. */
  kept: number;
}

export async function retryTask(deps: OrchestratorDeps, args: { taskId: string; actor: Actor; ip?: string }): Promise<RetryResult> {
  const { db, dispatcher, keys, publisher } = deps;
  const outcome = await db.$transaction(async (tx) => {
    // The row lock makes a second, concurrent retry wait and then find the task running.
    const rows = await tx.$queryRaw<{ status: string; createdAt: Date; timeoutAt: Date | null }[]>`
      SELECT status::text AS status, "createdAt", "timeoutAt" FROM "Task" WHERE id = ${args.taskId} FOR NO KEY UPDATE`;
    const task = rows[0];
    if (!task) throw new ServiceError("NOT_FOUND", `No task with id "${args.taskId}".`);
    const subtasks = await tx.subtask.findMany({
      where: { taskId: args.taskId },
      select: { id: true, status: true, profile: { select: { name: true } } },
    });
    const eligibility = retryEligibility(task.status, subtasks);
    if (!eligibility.retryable) throw new ServiceError("CONFLICT", eligibility.reason);

    if (eligibility.reset.length > 0) {
      await tx.$executeRaw`
        UPDATE "Subtask" SET status = 'PENDING', "attemptBase" = attempts, "statusReason" = NULL, "agentId" = NULL,
          summary = NULL, output = NULL, "queuedAt" = NULL, "startedAt" = NULL, "finishedAt" = NULL, "updatedAt" = now()
        WHERE "taskId" = ${args.taskId} AND id = ANY(${eligibility.reset})`;
    }
    // The task gets its whole time window again, counted from now.
    const window = task.timeoutAt ? task.timeoutAt.getTime() - task.createdAt.getTime() : null;
    await tx.task.update({
      where: { id: args.taskId },
      data: { status: "RUNNING", statusReason: null, finishedAt: null, ...(window ? { timeoutAt: new Date(Date.now() + window) } : {}) },
    });
    await recordAudit(tx, {
      actor: args.actor,
      action: "task.retried",
      target: { type: "task", id: args.taskId },
      data: { from: task.status, subtasksRetried: eligibility.reset.length, subtasksKept: eligibility.kept },
      ip: args.ip,
    });
    const reset = new Set(eligibility.reset);
    return { reset: subtasks.filter((s) => reset.has(s.id)), kept: eligibility.kept };
  });

  const generalist = keys.agentQueue(GENERALIST_PROFILE);
  // Jobs of the earlier runs ended as failed or completed and keep their ids for a while; the ids
  // must be free again for advance() to queue the same subtasks (and finalize) anew.
  await Promise.all([
    dispatcher.remove(generalist, "finalize", { taskId: args.taskId }),
    ...outcome.reset.map((s) => dispatcher.remove(keys.agentQueue(s.profile?.name ?? GENERALIST_PROFILE), "subtask", { taskId: args.taskId, subtaskId: s.id })),
  ]);
  const kept = outcome.kept === 1 ? "1 that succeeded is kept" : `${outcome.kept} that succeeded are kept`;
  const message =
    outcome.reset.length === 0
      ? `Retry requested by ${args.actor.email}: every subtask succeeded, so only the result is written again.`
      : `Retry requested by ${args.actor.email}: ${outcome.reset.length === 1 ? "1 subtask runs" : `${outcome.reset.length} subtasks run`} again; ${kept}.`;
  await recordLogs(deps, args.taskId, [{ kind: "STATUS", message }]);
  publisher.taskUpdate({ taskId: args.taskId, status: "RUNNING" });
  for (const s of outcome.reset) publisher.taskUpdate({ taskId: args.taskId, subtaskId: s.id, subtaskStatus: "PENDING" });
  await advance(deps, args.taskId);
  return { retried: true, reset: outcome.reset.length, kept: outcome.kept };
}
