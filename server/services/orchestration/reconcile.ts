// Repairs what crashes and lost Redis data leave behind, using only PostgreSQL as the truth:
// re-adds missing jobs for planning, finalizing and queued subtasks; requeues running subtasks
// whose agent is gone or has moved on and whose job is not active, or whose agent process is known
// to have ended (a follow-on without a job is left to a live agent that took it up lately); times
// out overdue tasks; and nudges tasks that look stuck. Every repair goes through the same
// idempotent functions as the normal path.
import { GENERALIST_PROFILE } from "../profiles/route-profile";
import { LEFT_BY_ITS_DAEMON, LIVE_AGENT_STATES } from "../../contracts/agent-state";
import { advance, bullPriority } from "./advance";
import type { OrchestratorDeps } from "./deps";
import { agentsRunning, failTask } from "./finish-task";
import { requeueStoppedSubtask } from "./requeue-subtask";

export interface ReconcileReport {
  jobsReadded: number;
  subtasksRequeued: number;
  subtasksFailed: number;
  tasksTimedOut: number;
  tasksAdvanced: number;
}

const ABSENT = new Set(["missing", "completed", "failed"]);

export async function reconcile(deps: OrchestratorDeps, options: { agentStaleMs: number }): Promise<ReconcileReport> {
  const { db, dispatcher, keys } = deps;
  const report: ReconcileReport = { jobsReadded: 0, subtasksRequeued: 0, subtasksFailed: 0, tasksTimedOut: 0, tasksAdvanced: 0 };
  const generalist = keys.agentQueue(GENERALIST_PROFILE);

  const overdue = await db.task.findMany({ where: { status: { in: ["PLANNING", "RUNNING", "FINALIZING"] }, timeoutAt: { lt: new Date() } }, select: { id: true, createdAt: true, timeoutAt: true } });
  for (const task of overdue) {
    const minutes = Math.round((task.timeoutAt!.getTime() - task.createdAt.getTime()) / 60_000);
    if (await failTask(deps, task.id, `Timed out: the task did not finish within ${minutes} minutes.`)) report.tasksTimedOut++;
  }

  const open = await db.task.findMany({ where: { status: { in: ["PLANNING", "FINALIZING"] } }, select: { id: true, status: true } });
  for (const task of open) {
    const kind = task.status === "PLANNING" ? "plan" : "finalize";
    const state = await dispatcher.jobState(generalist, kind, { taskId: task.id });
    if (!ABSENT.has(state)) continue;
    if (state !== "missing") await dispatcher.remove(generalist, kind, { taskId: task.id });
    await dispatcher.enqueue(kind, { taskId: task.id }, { queue: generalist });
    report.jobsReadded++;
  }

  // Live agents and the subtask each says it holds.
  const liveAgents = new Map(
    (
      await db.agentProcess.findMany({
        where: { state: { in: [...LIVE_AGENT_STATES] }, lastHeartbeatAt: { gt: new Date(Date.now() - options.agentStaleMs) } },
        select: { id: true, currentSubtaskId: true },
      })
    ).map((a) => [a.id, a.currentSubtaskId]),
  );
  const active = await db.subtask.findMany({
    where: { status: { in: ["QUEUED", "RUNNING"] }, task: { status: "RUNNING" } },
    select: {
      id: true, taskId: true, status: true, agentId: true, attempts: true, attemptBase: true, priority: true, updatedAt: true,
      task: { select: { priority: true } }, profile: { select: { name: true } },
    },
  });
  // On the database's clock, which set updatedAt.
  const [{ takenUpSince }] = (await db.$queryRaw<{ takenUpSince: Date }[]>`
    SELECT now() - make_interval(secs => ${options.agentStaleMs / 1000}) AS "takenUpSince"`) as [{ takenUpSince: Date }];
  // Agents whose process is known to have ended (their daemon recorded it, or a restarted daemon
  // found them left behind): their active jobs need not wait for BullMQ's lock to expire.
  const runningAgentIds = [...new Set(agentsRunning(active))];
  const endedAgents = new Map(
    runningAgentIds.length
      ? (
          await db.agentProcess.findMany({ where: { id: { in: runningAgentIds }, state: { in: ["EXITED", "CRASHED"] } }, select: { id: true, exitReason: true } })
        ).map((a) => [a.id, a.exitReason])
      : [],
  );
  for (const subtask of active) {
    // A live agent still on this subtask has it in hand. One that moved on (its run ended
    // without a word to PostgreSQL, which was away) leaves it to the job check below.
    if (subtask.status === "RUNNING" && subtask.agentId && liveAgents.get(subtask.agentId) === subtask.id) continue;
    const queue = keys.agentQueue(subtask.profile?.name ?? GENERALIST_PROFILE);
    const payload = { taskId: subtask.taskId, subtaskId: subtask.id };
    const state = await dispatcher.jobState(queue, "subtask", payload);
    // A follow-on (see completeSubtask) has no job of its own, and its agent's record names it only
    // a moment after its completion claimed it: a live agent that took it up lately has it in hand.
    const followOnInHand = state === "missing" && !!subtask.agentId && liveAgents.has(subtask.agentId) && subtask.updatedAt > takenUpSince;
    if (followOnInHand) continue;
    const heldByEndedAgent = state === "active" && subtask.status === "RUNNING" && !!subtask.agentId && endedAgents.has(subtask.agentId);
    if (!ABSENT.has(state) && !heldByEndedAgent) continue;
    // The list above was read before this job's state, and a busy fleet moves on meanwhile: a
    // subtask that finished since has its job completed and needs nothing (re-adding it would run
    // the job again for nothing). Repair only what has not changed since the list was read.
    const current = await db.subtask.findUnique({ where: { id: subtask.id }, select: { status: true, updatedAt: true } });
    if (current?.status !== subtask.status || current.updatedAt.getTime() !== subtask.updatedAt.getTime()) continue;

    if (subtask.status === "RUNNING") {
      // Other stalled runs come back through BullMQ; this is for runs whose job is gone too, or
      // whose agent is known to be gone (an active job is then put back in line at once).
      //
      // An agent left behind by its daemon's death did not stop because of its subtask, as an
      // agent that crashed may have: as with the hand-back it could not make itself (PostgreSQL
      // was away), the attempt is not counted, and stays spent in case the run is still exiting.
      const leftByDaemon = !!subtask.agentId && endedAgents.get(subtask.agentId) === LEFT_BY_ITS_DAEMON;
      const outcome = await requeueStoppedSubtask(deps, subtask, {
        reason: leftByDaemon ? "Requeued: its agent stopped with its daemon." : "Requeued: its agent stopped.",
        failedReason: "Its agent stopped and no attempts are left.",
        jobState: state,
        countAttempt: !leftByDaemon,
        runMayGoOn: leftByDaemon,
      });
      if (outcome === "failed") report.subtasksFailed++;
      if (outcome === "requeued") {
        report.subtasksRequeued++;
        report.jobsReadded++;
      }
      continue;
    }
    if (state !== "missing") await dispatcher.remove(queue, "subtask", payload);
    await dispatcher.enqueue("subtask", payload, { queue, priority: bullPriority(subtask.task.priority, subtask.priority) });
    report.jobsReadded++;
  }

  const stuck = await db.task.findMany({
    where: { status: "RUNNING", subtasks: { none: { status: { in: ["QUEUED", "RUNNING"] } } } },
    select: { id: true },
  });
  for (const task of stuck) {
    const result = await advance(deps, task.id);
    if (result.kind !== "noop" && !(result.kind === "queued" && result.subtaskIds.length === 0)) report.tasksAdvanced++;
  }
  return report;
}
