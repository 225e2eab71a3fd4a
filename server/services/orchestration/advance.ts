// advance(taskId): the one place that moves a task forward. It queues subtasks whose dependencies
// are done, fails the task when a required subtask failed, or hands it to finalize. It takes no
// lock across round trips: one statement reads the graph, one conditional statement writes what
// moved (a subtask is queued only while PENDING, the task changes only while RUNNING), and jobs
// are added after with idempotent ids, so calling it twice, or from several processes at once,
// queues each subtask once. Every completion commits before its advance() reads, so of two
// subtasks finishing at once the later reader sees both and queues their common dependent.
import { GENERALIST_PROFILE, routeProfile } from "../profiles/route-profile";
import { routingProfiles } from "../profiles/routing-profiles";
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
  taskStatus: string;
  taskPriority: number;
  profilesVersion: string;
  id: string;
  title: string;
  status: SubtaskStatus;
  optional: boolean;
  priority: number;
  capabilities: string[];
  dependsOn: string[];
}

export async function advance(deps: OrchestratorDeps, taskId: string): Promise<AdvanceResult> {
  const { sql, dispatcher, publisher, keys } = deps;
  // The whole graph and the task in one round trip; this runs on every subtask completion.
  const rows = await sql.query<GraphRow>`
    SELECT t.status::text AS "taskStatus", t.priority AS "taskPriority", profiles_version() AS "profilesVersion",
           s.id, s.title, s.status::text AS status, s.optional, s.priority, s.capabilities,
           COALESCE(array_agg(d."dependsOnId") FILTER (WHERE d."dependsOnId" IS NOT NULL), '{}') AS "dependsOn"
    FROM "Task" t
    LEFT JOIN "Subtask" s ON s."taskId" = t.id
    LEFT JOIN "SubtaskDependency" d ON d."subtaskId" = s.id
    WHERE t.id = ${taskId}
    GROUP BY t.id, s.id
    ORDER BY s.index`;
  const task = rows[0];
  if (!task) return { kind: "noop", reason: "task not found" };
  if (task.taskStatus !== "RUNNING") return { kind: "noop", reason: `task is ${task.taskStatus}` };
  const subtasks = rows.filter((row) => row.id !== null);
  const decision = planAdvance(subtasks);

  if (decision.outcome === "failed") {
    const failed = subtasks.find((s) => s.id === decision.failedId);
    const reason = `Subtask "${failed?.title}" failed.`;
    const [ended] = await sql.query<{ failed: boolean; skipped: string[] }>`
      WITH failed AS (
        UPDATE "Task" SET status = 'FAILED', "statusReason" = ${reason}, "finishedAt" = now(), "updatedAt" = now()
        WHERE id = ${taskId} AND status = 'RUNNING'
        RETURNING id
      ), skipped AS (
        UPDATE "Subtask" s SET status = 'SKIPPED', "finishedAt" = now(), "updatedAt" = now()
        FROM failed WHERE s."taskId" = failed.id AND s.status IN ('PENDING', 'QUEUED')
        RETURNING s.id
      )
      SELECT EXISTS (SELECT 1 FROM failed) AS failed, COALESCE((SELECT array_agg(id) FROM skipped), '{}') AS skipped`;
    if (!ended?.failed) return { kind: "noop", reason: "task is no longer running" };
    // Jobs of skipped subtasks may still sit in queues; claiming refuses them, so they end as no-ops.
    for (const subtaskId of ended.skipped) publisher.taskUpdate({ taskId, subtaskId, subtaskStatus: "SKIPPED" });
    await recordLogs(deps, taskId, [{ kind: "STATUS", level: "ERROR", message: `Task failed: ${reason}` }]);
    await publishTaskEnd(deps, taskId, "FAILED");
    return { kind: "failed", reason };
  }

  if (decision.outcome === "finalize") {
    const moved = await sql.execute`
      UPDATE "Task" SET status = 'FINALIZING', "updatedAt" = now() WHERE id = ${taskId} AND status = 'RUNNING'`;
    if (moved === 0) return { kind: "noop", reason: "task is no longer running" };
    await dispatcher.enqueue("finalize", { taskId }, { queue: keys.agentQueue(GENERALIST_PROFILE) });
    publisher.taskUpdate({ taskId, status: "FINALIZING" });
    await recordLogs(deps, taskId, [{ kind: "STATUS", message: "All subtasks succeeded; writing the result." }]);
    return { kind: "finalizing" };
  }

  if (decision.toQueue.length === 0) return { kind: "queued", subtaskIds: [] };
  const routes = await routeSubtasks(deps, task.profilesVersion, decision.toQueue.map((id) => subtasks.find((s) => s.id === id)!));
  // A share lock on the task row: concurrent advances do not wait for each other, but a cancel,
  // failure or pause (which update the row) is either seen here or waits for this statement.
  const queuedRows = await sql.query<{ id: string }>`
    WITH running AS (SELECT id FROM "Task" WHERE id = ${taskId} AND status = 'RUNNING' FOR SHARE)
    UPDATE "Subtask" s SET status = 'QUEUED', "queuedAt" = now(), "profileId" = q.profile, "updatedAt" = now()
    FROM running, unnest(${routes.map((route) => route.subtaskId)}::text[], ${routes.map((route) => route.profileId)}::text[]) AS q(id, profile)
    WHERE s.id = q.id AND s."taskId" = running.id AND s.status = 'PENDING'
    RETURNING s.id`;
  const queued = new Set(queuedRows.map((row) => row.id));
  const mine = routes.filter((route) => queued.has(route.subtaskId));
  await dispatchQueued(deps, taskId, task.taskPriority, mine);
  return { kind: "queued", subtaskIds: mine.map((route) => route.subtaskId) };
}

/** Where a subtask about to be queued goes: its profile (by capabilities) and that profile's queue. */
export interface SubtaskRoute {
  subtaskId: string;
  profileId: string | null;
  queue: string;
  /** The subtask's own priority, 1..10. */
  priority: number;
}

/** `profilesVersion`: the profile table's version as the caller read it (see routingProfiles). */
export async function routeSubtasks(
  deps: Pick<OrchestratorDeps, "db" | "keys">,
  profilesVersion: string,
  subtasks: { id: string; capabilities: string[]; priority: number }[],
): Promise<SubtaskRoute[]> {
  if (subtasks.length === 0) return [];
  const profiles = await routingProfiles(deps.db, profilesVersion);
  return subtasks.map((subtask) => {
    const profile = routeProfile(subtask.capabilities, profiles);
    return { subtaskId: subtask.id, profileId: profile?.id ?? null, queue: deps.keys.agentQueue(profile?.name ?? GENERALIST_PROFILE), priority: subtask.priority };
  });
}

/** Adds the jobs of subtasks this caller moved to QUEUED and announces them. */
export async function dispatchQueued(
  deps: Pick<OrchestratorDeps, "dispatcher" | "publisher">,
  taskId: string,
  taskPriority: number,
  routes: SubtaskRoute[],
): Promise<void> {
  await Promise.all(
    routes.map((route) => deps.dispatcher.enqueue("subtask", { taskId, subtaskId: route.subtaskId }, { queue: route.queue, priority: bullPriority(taskPriority, route.priority) })),
  );
  for (const route of routes) deps.publisher.taskUpdate({ taskId, subtaskId: route.subtaskId, subtaskStatus: "QUEUED" });
}

/** BullMQ runs lower numbers first; task priority outranks subtask priority (both 1..10, 10 highest). */
export function bullPriority(taskPriority: number, subtaskPriority: number): number {
  return (11 - taskPriority) * 100 + (11 - subtaskPriority);
}

/** A subtask handed back after its agent stopped runs first among its task priority's work: it had already started. */
export function resumedPriority(taskPriority: number): number {
  return (11 - taskPriority) * 100;
}
