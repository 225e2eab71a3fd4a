// advance(taskId): the one place that moves a task forward. Under a lock on the task row it
// queues subtasks whose dependencies are done, fails the task when a required subtask failed,
// or hands it to finalize; jobs are added after commit with idempotent ids, so calling it twice,
// or from several processes at once, queues each subtask once.
import { GENERALIST_PROFILE, routeProfile } from "../profiles/route-profile";
import { recordLogs } from "../logs/append-logs";
import { publishTaskEnd } from "../tasks/publish-task-end";
import type { OrchestratorDeps } from "./deps";
import { planAdvance } from "./plan-advance";
import type { SubtaskStatus } from "../../db/create-prisma";

export type AdvanceResult =
  | { kind: "noop"; reason: string }
  | { kind: "queued"; subtaskIds: string[] }
  | { kind: "finalizing" }
  | { kind: "failed"; reason: string };

interface GraphRow {
  id: string;
  title: string;
  status: SubtaskStatus;
  optional: boolean;
  priority: number;
  capabilities: string[];
  dependsOn: string[];
}

interface QueuedJob {
  subtaskId: string;
  queue: string;
  priority: number;
}

export async function advance(deps: OrchestratorDeps, taskId: string): Promise<AdvanceResult> {
  const { db, dispatcher, publisher, keys } = deps;
  const profiles = await db.agentProfile.findMany({
    select: { id: true, name: true, capabilities: true, minAgents: true, maxAgents: true },
  });

  const outcome = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string; priority: number }[]>`
      SELECT status, priority FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
    const task = locked[0];
    if (!task) return { result: { kind: "noop", reason: "task not found" } as AdvanceResult, jobs: [] as QueuedJob[] };
    if (task.status !== "RUNNING") {
      return { result: { kind: "noop", reason: `task is ${task.status}` } as AdvanceResult, jobs: [] };
    }

    // The whole graph in one round trip; this runs on every subtask completion.
    const subtasks = await tx.$queryRaw<GraphRow[]>`
      SELECT s.id, s.title, s.status::text AS status, s.optional, s.priority, s.capabilities,
             COALESCE(array_agg(d."dependsOnId") FILTER (WHERE d."dependsOnId" IS NOT NULL), '{}') AS "dependsOn"
      FROM "Subtask" s LEFT JOIN "SubtaskDependency" d ON d."subtaskId" = s.id
      WHERE s."taskId" = ${taskId}
      GROUP BY s.id
      ORDER BY s.index`;
    const decision = planAdvance(subtasks);
    const now = new Date();

    if (decision.outcome === "failed") {
      const failed = subtasks.find((s) => s.id === decision.failedId);
      const reason = `Subtask "${failed?.title}" failed.`;
      await tx.subtask.updateMany({ where: { id: { in: decision.toSkip } }, data: { status: "SKIPPED", finishedAt: now } });
      await tx.task.update({ where: { id: taskId }, data: { status: "FAILED", statusReason: reason, finishedAt: now } });
      return { result: { kind: "failed", reason } as AdvanceResult, jobs: [], skipped: decision.toSkip };
    }
    if (decision.outcome === "finalize") {
      await tx.task.update({ where: { id: taskId }, data: { status: "FINALIZING" } });
      return { result: { kind: "finalizing" } as AdvanceResult, jobs: [] };
    }

    const jobs: (QueuedJob & { profileId: string | null })[] = decision.toQueue.map((id) => {
      const subtask = subtasks.find((s) => s.id === id)!;
      const profile = routeProfile(subtask.capabilities, profiles);
      return {
        subtaskId: id,
        profileId: profile?.id ?? null,
        queue: keys.agentQueue(profile?.name ?? GENERALIST_PROFILE),
        priority: bullPriority(task.priority, subtask.priority),
      };
    });
    for (const profileId of new Set(jobs.map((job) => job.profileId))) {
      const ids = jobs.filter((job) => job.profileId === profileId).map((job) => job.subtaskId);
      await tx.subtask.updateMany({ where: { id: { in: ids } }, data: { status: "QUEUED", queuedAt: now, profileId } });
    }
    return { result: { kind: "queued", subtaskIds: decision.toQueue } as AdvanceResult, jobs };
  });

  const { result, jobs } = outcome;
  await Promise.all(
    jobs.map((job) => dispatcher.enqueue("subtask", { taskId, subtaskId: job.subtaskId }, { queue: job.queue, priority: job.priority })),
  );
  for (const job of jobs) publisher.taskUpdate({ taskId, subtaskId: job.subtaskId, subtaskStatus: "QUEUED" });

  if (result.kind === "finalizing") {
    await dispatcher.enqueue("finalize", { taskId }, { queue: keys.agentQueue(GENERALIST_PROFILE) });
    publisher.taskUpdate({ taskId, status: "FINALIZING" });
    await recordLogs(deps, taskId, [{ kind: "STATUS", message: "All subtasks succeeded; writing the result." }]);
  } else if (result.kind === "failed") {
    // Jobs of skipped subtasks may still sit in queues; claiming refuses them, so they end as no-ops.
    for (const subtaskId of "skipped" in outcome ? (outcome.skipped ?? []) : []) {
      publisher.taskUpdate({ taskId, subtaskId, subtaskStatus: "SKIPPED" });
    }
    await recordLogs(deps, taskId, [{ kind: "STATUS", level: "ERROR", message: `Task failed: ${result.reason}` }]);
    await publishTaskEnd(deps, taskId, "FAILED");
  }
  return result;
}

/** BullMQ runs lower numbers first; task priority outranks subtask priority (both 1..10, 10 highest). */
export function bullPriority(taskPriority: number, subtaskPriority: number): number {
  return (11 - taskPriority) * 100 + (11 - subtaskPriority);
}
