// The whole pipeline for a benchmark: its own Redis prefix and empty tables, the real daemon and
// agent processes (simulated Claude), helpers to submit tasks and wait for them, and a signed-in
// Socket.IO client. `startPipeline` pins every subtask to one profile with a fixed number of
// agents, so the pipeline is compared with that many plain BullMQ workers on one queue;
// `startFleet` runs the daemon with the benchmark's own fleet settings.
import { io as connect, type Socket } from "socket.io-client";
import { startDaemon, type RunningDaemon } from "../../server/testing/start-daemon";
import { createTestDeps, resetData, waitFor, type TestDeps } from "../../server/testing/test-deps";
import { createTask } from "../../server/services/tasks/create-task";
import { GENERALIST_PROFILE } from "../../server/services/profiles/route-profile";
import { createUser, sessionCookieFor } from "../../server/testing/test-users";

export interface Fleet {
  deps: TestDeps;
  daemon: RunningDaemon;
  /** The BullMQ settings the agent processes run with, for baselines that must match them. */
  worker: { lockDurationMs: number; stalledIntervalMs: number };
  stop(): Promise<void>;
}

export interface Pipeline extends Fleet {
  agents: number;
}

const LOCK_DURATION_MS = 4000;
const STALLED_INTERVAL_MS = 2000;
const WORKER_ENV = { BATON_LOCK_DURATION_MS: String(LOCK_DURATION_MS), BATON_STALLED_INTERVAL_MS: String(STALLED_INTERVAL_MS) };

/** `env` is the daemon's environment on top of startDaemon's test defaults (BATON_MAX_AGENTS, BATON_FLEET, SIM_*…). */
export async function startFleet(name: string, env: Record<string, string> = {}): Promise<Fleet> {
  const deps = createTestDeps(name);
  await resetData(deps);
  const daemon = await startDaemon({ prefix: deps.prefix, env: { BATON_RECONCILE_INTERVAL_MS: "5000", ...WORKER_ENV, ...env } });
  return {
    deps,
    daemon,
    worker: { lockDurationMs: LOCK_DURATION_MS, stalledIntervalMs: STALLED_INTERVAL_MS },
    async stop() {
      await daemon.stop();
      await deps.close();
    },
  };
}

export async function startPipeline(name: string, options: { agents?: number; env?: Record<string, string> } = {}): Promise<Pipeline> {
  const agents = options.agents ?? 4;
  const deps = createTestDeps(name);
  await resetData(deps);
  // Only the generalist runs agents, so routing sends every job to its one queue.
  await deps.db.agentProfile.updateMany({ where: { name: { not: GENERALIST_PROFILE } }, data: { minAgents: 0, maxAgents: 0 } });
  await deps.db.agentProfile.update({ where: { name: GENERALIST_PROFILE }, data: { minAgents: agents, maxAgents: agents } });
  const daemon = await startDaemon({
    prefix: deps.prefix,
    env: {
      BATON_MAX_AGENTS: String(agents),
      BATON_RECONCILE_INTERVAL_MS: "5000",
      ...WORKER_ENV,
      ...options.env,
    },
  });
  const pipeline: Pipeline = {
    deps,
    daemon,
    agents,
    worker: { lockDurationMs: LOCK_DURATION_MS, stalledIntervalMs: STALLED_INTERVAL_MS },
    async stop() {
      await daemon.stop();
      await deps.close();
    },
  };
  try {
    await idleAgents(pipeline, agents);
  } catch (error) {
    await pipeline.stop();
    throw error;
  }
  return pipeline;
}

/** Waits until at least `count` agents (of `profile`, if given) are idle. */
export async function idleAgents(fleet: Fleet, count: number, profile?: string): Promise<void> {
  await waitFor(`${count} idle agents`, async () => {
    const idle = await fleet.deps.db.agentProcess.count({ where: { state: "IDLE", ...(profile ? { profile: { name: profile } } : {}) } });
    return idle >= count;
  }, 180_000, 100).catch((error: Error) => {
    throw new Error(`${error.message}\n${fleet.daemon.output().slice(-4000)}`);
  });
}

export function submitTask(deps: TestDeps, prompt: string): Promise<string> {
  return createTask(deps, { request: { prompt, priority: 5 }, userId: null }).then((task) => task.id);
}

/** Submits a task and resolves with its id once it has succeeded; any other end throws with the daemon's output. */
export async function runTask(fleet: Fleet, prompt: string, timeoutMs = 180_000): Promise<string> {
  const id = await submitTask(fleet.deps, prompt);
  await waitForTasks(fleet, [id], timeoutMs);
  return id;
}

/**
 * Waits until every task has ended; throws with the daemon's output if one did not succeed.
 * Benchmarks time tasks by their stored timestamps, never by when this wait returns, so it asks
 * PostgreSQL only every 100 ms: asking every few milliseconds took a tenth of the 2 cores that
 * the measured pipeline runs on.
 */
export async function waitForTasks(fleet: Fleet, taskIds: string[], timeoutMs = 300_000): Promise<void> {
  const { db, sql } = fleet.deps;
  // Plain SQL, not the ORM: the poll runs on the cores being measured, and Prisma's client
  // compiles every query afresh (about 7 ms of CPU per poll of 40 ids on a slow machine).
  await waitFor(`${taskIds.length} tasks to end`, async () => {
    const [row] = await sql.query<{ open: number }>`
      SELECT count(*)::int AS open FROM "Task" WHERE id = ANY(${taskIds}::text[]) AND status NOT IN ('SUCCEEDED', 'FAILED', 'CANCELLED')`;
    return row!.open === 0;
  }, timeoutMs, 100);
  const failed = await db.task.findMany({ where: { id: { in: taskIds }, status: { not: "SUCCEEDED" } }, select: { status: true, statusReason: true } });
  if (failed.length > 0) throw new Error(`${failed.length} tasks did not succeed, e.g. ${failed[0]!.status}: ${failed[0]!.statusReason}\n${fleet.daemon.output().slice(-4000)}`);
}

/**
 * When each subtask of a task was started by its agent: the time of its first "Started" line,
 * which the agent logs once it holds the claim and is about to call the model. A line keeps the
 * time it was logged, not the time its batch was written. A subtask's `startedAt` is earlier: the
 * claim statement's own time in PostgreSQL, before the claim has come back to the agent.
 */
export async function agentStarts(deps: TestDeps, taskId: string): Promise<Map<string, number>> {
  const lines = await deps.db.logEvent.findMany({
    where: { taskId, kind: "STATUS", message: { startsWith: "Started " } },
    orderBy: { seq: "asc" },
    select: { subtaskId: true, createdAt: true },
  });
  const starts = new Map<string, number>();
  for (const line of lines) if (line.subtaskId && !starts.has(line.subtaskId)) starts.set(line.subtaskId, line.createdAt.getTime());
  return starts;
}

/** A signed-in Socket.IO client (a session cookie, as a browser has) joined to the given rooms. */
export async function openSignedInSocket(deps: TestDeps, url: string, roomNames: string[]): Promise<Socket> {
  const user = await createUser(deps.db, "MEMBER");
  const cookie = await sessionCookieFor(deps.db, user);
  const socket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  for (const room of roomNames) {
    const reply = await new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit("subscribe", { room }, resolve));
    if (!reply.ok) throw new Error(`could not join ${room}: ${reply.error}`);
  }
  return socket;
}
