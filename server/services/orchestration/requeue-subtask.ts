// The one path that takes a RUNNING subtask away from an agent that stopped — found dead by the
// reconciler, or killed by its daemon for breaking a limit or stopped by an admin. Fenced by the
// attempt number: back to QUEUED with the reason (FAILED when no attempts are left), and its job
// put back in line, first among its task priority's work.
import { JOB_DEFINITIONS } from "../../contracts/jobs";
import type { JobState } from "../../queues/dispatcher";
import { appendLogs } from "../logs/append-logs";
import { GENERALIST_PROFILE } from "../profiles/route-profile";
import { advance, resumedPriority } from "./advance";
import type { OrchestratorDeps } from "./deps";

export interface StoppedSubtask {
  id: string;
  taskId: string;
  attempts: number;
  /** Attempts used before a retry from the task page; only those since count against the limit. */
  attemptBase: number;
  task: { priority: number };
  profile: { name: string } | null;
}

export type RequeueOutcome = "requeued" | "failed" | "skipped";

export async function requeueStoppedSubtask(
  deps: OrchestratorDeps,
  subtask: StoppedSubtask,
  options: {
    reason: string;
    failedReason?: string;
    jobState: JobState;
    countAttempt?: boolean;
    /** The stopped run may still be going (its own process hands it back): its attempt number stays spent, so it can record nothing. */
    runMayGoOn?: boolean;
  },
): Promise<RequeueOutcome> {
  const countAttempt = options.countAttempt ?? true;
  const outOfAttempts = countAttempt && subtask.attempts - subtask.attemptBase >= JOB_DEFINITIONS.subtask.attempts;
  // An attempt not counted: taken off the count, or, while the run may still write, left spent and
  // moved below the limit's base instead.
  const uncounted = countAttempt ? {} : options.runMayGoOn ? { attemptBase: { increment: 1 } } : { attempts: { decrement: 1 } };
  // Under a share lock on the task row, as failSubtaskAttempt: a failure is put in order with the task's completions.
  const { count } = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Task" WHERE id = ${subtask.taskId} FOR SHARE`;
    return tx.subtask.updateMany({
      where: { id: subtask.id, status: "RUNNING", attempts: subtask.attempts },
      data: outOfAttempts
        ? { status: "FAILED", statusReason: options.failedReason ?? `${options.reason}; no attempts are left.`, finishedAt: new Date() }
        : { status: "QUEUED", statusReason: options.reason, agentId: null, ...uncounted },
    });
  });
  if (count === 0) return "skipped";
  deps.publisher.taskUpdate({ taskId: subtask.taskId, subtaskId: subtask.id, subtaskStatus: outOfAttempts ? "FAILED" : "QUEUED" });
  const queue = deps.keys.agentQueue(subtask.profile?.name ?? GENERALIST_PROFILE);
  const payload = { taskId: subtask.taskId, subtaskId: subtask.id };
  if (outOfAttempts) {
    if (options.jobState !== "active") await deps.dispatcher.remove(queue, "subtask", payload);
    await advance(deps, subtask.taskId);
    return "failed";
  }
  // Back in line ahead of work that has not started yet, not behind all of it.
  const priority = resumedPriority(subtask.task.priority);
  if (options.jobState === "active") {
    // The dead agent's lock would hold the job for its lock duration; release it now. If that
    // fails, BullMQ's stall detection still hands it on.
    await deps.dispatcher.returnToWaiting(queue, "subtask", payload, priority);
  } else {
    if (options.jobState !== "missing") await deps.dispatcher.remove(queue, "subtask", payload);
    await deps.dispatcher.enqueue("subtask", payload, { queue, priority });
  }
  return "requeued";
}

/**
 * A daemon took `agentId` down while it held a subtask: requeue that subtask (if the agent still
 * holds it) and say why on the task's log, so the task page shows it.
 */
export async function handBackSubtask(
  deps: OrchestratorDeps,
  args: { subtaskId: string; agentId: string; reason: string; countAttempt: boolean; runMayGoOn?: boolean },
): Promise<RequeueOutcome> {
  const subtask = await deps.db.subtask.findUnique({
    where: { id: args.subtaskId },
    select: { id: true, taskId: true, status: true, agentId: true, attempts: true, attemptBase: true, task: { select: { priority: true } }, profile: { select: { name: true } } },
  });
  if (!subtask || subtask.status !== "RUNNING" || subtask.agentId !== args.agentId) return "skipped";
  const queue = deps.keys.agentQueue(subtask.profile?.name ?? GENERALIST_PROFILE);
  const jobState = await deps.dispatcher.jobState(queue, "subtask", { taskId: subtask.taskId, subtaskId: subtask.id });
  const outcome = await requeueStoppedSubtask(deps, subtask, { reason: args.reason, jobState, countAttempt: args.countAttempt, runMayGoOn: args.runMayGoOn });
  if (outcome === "skipped") return outcome;
  const then = outcome === "failed" ? "No attempts are left." : args.countAttempt ? "Back in the queue; this counted as an attempt." : "Back in the queue.";
  const events = await appendLogs(deps.sql, subtask.taskId, [
    { subtaskId: subtask.id, agentId: args.agentId, kind: "ERROR", level: args.countAttempt ? "ERROR" : "WARN", message: `Attempt ${subtask.attempts} stopped — ${args.reason}. ${then}` },
  ]);
  deps.publisher.logs(events);
  return outcome;
}

/**
 * An agent process has ended: hands back every subtask it holds RUNNING, the one it last reported
 * and any it never got to report (a follow-on its completion claimed just before it died). Only
 * once the process is gone, so nothing of it can write a result any more.
 */
export async function handBackHeldSubtasks(
  deps: OrchestratorDeps,
  args: { agentId: string; reason: string; countAttempt: boolean },
): Promise<RequeueOutcome[]> {
  const held = await deps.db.subtask.findMany({ where: { agentId: args.agentId, status: "RUNNING" }, select: { id: true } });
  const outcomes: RequeueOutcome[] = [];
  for (const { id } of held) outcomes.push(await handBackSubtask(deps, { subtaskId: id, ...args }));
  return outcomes;
}
