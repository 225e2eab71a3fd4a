// The state of the database, Redis and the agent fleet for /api/health. Each dependency is asked
// afresh on every request (with a short timeout), so an outage shows for as long as it lasts.
// The fleet is red when no agent beats, and when work is stuck: subtasks queued for a profile
// longer than STUCK_QUEUE_MS while an agent of that profile has sat idle just as long — the
// symptom of an agent whose BullMQ loop no longer takes jobs, whatever the cause.
import type { Redis } from "ioredis";
import { LIVE_AGENT_STATES } from "../../contracts/agent-state";
import { AGENT_HEARTBEAT_STALE_MS } from "../../contracts/heartbeat";
import type { Db } from "../../db/create-prisma";
import type { FleetPause } from "../fleet/fleet-pause";

/** Queued work and an idle agent of its profile, both this old, mean the agent is not taking jobs. */
export const STUCK_QUEUE_MS = 120_000;

export interface StuckProfile {
  profile: string;
  queued: number;
  idleAgents: number;
  oldestQueuedSeconds: number;
}

export interface HealthReport {
  ok: boolean;
  /** The dependencies that are failing, e.g. ["redis"]; empty when healthy. */
  down: ("database" | "redis" | "fleet")[];
  database: { ok: boolean; error?: string };
  redis: { ok: boolean; error?: string };
  fleet: { ok: boolean; agents: number; fresh: number; stuck: StuckProfile[]; error?: string };
  model: "claude" | "simulated";
}

export interface HealthDeps {
  db: Db;
  redis: Redis;
  fleetPause: FleetPause;
  simulated: boolean;
  now?: () => number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message.split("\n").filter(Boolean).pop()! : String(error));

class NoAnswerError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new NoAnswerError(ms)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The health answer is public (load balancers ask it without signing in): it says whether a
// service answered, never the driver's message, which names hosts and ports. That goes to the log.
const probe = (name: string, work: () => Promise<unknown>) =>
  withTimeout(work(), 2000)
    .then(() => ({ ok: true }))
    .catch((error: unknown) => ({ ok: false, error: publicReason(name, error, "not reachable") }));

function publicReason(name: string, error: unknown, otherwise: string): string {
  console.error(`health: ${name} check failed: ${describe(error)}`);
  return error instanceof NoAnswerError ? error.message : otherwise;
}

async function findStuckProfiles(db: Db, now: number): Promise<StuckProfile[]> {
  const before = new Date(now - STUCK_QUEUE_MS);
  // updatedAt too: a subtask handed back to the queue keeps its first queuedAt.
  const [queued, idle] = await Promise.all([
    db.subtask.groupBy({ by: ["profileId"], where: { status: "QUEUED", queuedAt: { lt: before }, updatedAt: { lt: before }, task: { status: "RUNNING" } }, _count: true, _min: { queuedAt: true } }),
    db.agentProcess.groupBy({
      by: ["profileId"],
      where: { state: "IDLE", stateChangedAt: { lt: before }, lastHeartbeatAt: { gt: new Date(now - AGENT_HEARTBEAT_STALE_MS) } },
      _count: true,
    }),
  ]);
  const idleByProfile = new Map(idle.map((row) => [row.profileId, row._count]));
  const stuck = queued.filter((row) => row.profileId && idleByProfile.has(row.profileId));
  if (stuck.length === 0) return [];
  const names = new Map((await db.agentProfile.findMany({ where: { id: { in: stuck.map((row) => row.profileId!) } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  return stuck.map((row) => ({
    profile: names.get(row.profileId!) ?? row.profileId!,
    queued: row._count,
    idleAgents: idleByProfile.get(row.profileId!)!,
    oldestQueuedSeconds: Math.round((now - (row._min.queuedAt?.getTime() ?? now)) / 1000),
  }));
}

async function checkFleet(deps: HealthDeps, now: number): Promise<HealthReport["fleet"]> {
  const agents = await deps.db.agentProcess.findMany({ where: { state: { in: [...LIVE_AGENT_STATES] } }, select: { lastHeartbeatAt: true } });
  const fresh = agents.filter((a) => a.lastHeartbeatAt && now - a.lastHeartbeatAt.getTime() < AGENT_HEARTBEAT_STALE_MS).length;
  if (fresh === 0) return { ok: false, agents: agents.length, fresh, stuck: [], error: `no agent has sent a heartbeat in the last ${AGENT_HEARTBEAT_STALE_MS / 1000} s` };
  // During a rate-limit pause idle agents are supposed to leave queued work alone.
  const paused = await deps.fleetPause.read().catch(() => null);
  const stuck = paused ? [] : await findStuckProfiles(deps.db, now);
  if (stuck.length === 0) return { ok: true, agents: agents.length, fresh, stuck };
  const error = stuck
    .map((s) => `${s.queued} ${s.profile} subtask${s.queued === 1 ? " has" : "s have"} waited ${s.oldestQueuedSeconds} s while ${s.idleAgents} ${s.profile} agent${s.idleAgents === 1 ? " sat" : "s sat"} idle`)
    .join("; ");
  return { ok: false, agents: agents.length, fresh, stuck, error: `agents are not taking queued work: ${error}` };
}

export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const now = (deps.now ?? Date.now)();
  const [database, redis] = await Promise.all([probe("PostgreSQL", () => deps.db.$queryRaw`SELECT 1`), probe("Redis", () => deps.redis.ping())]);
  const fleet: HealthReport["fleet"] = database.ok
    ? await withTimeout(checkFleet(deps, now), 3000).catch((error: unknown) => ({ ok: false, agents: 0, fresh: 0, stuck: [], error: publicReason("fleet", error, "could not be checked") }))
    : { ok: false, agents: 0, fresh: 0, stuck: [], error: "database unavailable" };
  const down = [...(database.ok ? [] : ["database" as const]), ...(redis.ok ? [] : ["redis" as const]), ...(fleet.ok ? [] : ["fleet" as const])];
  return { ok: down.length === 0, down, database, redis, fleet, model: deps.simulated ? "simulated" : "claude" };
}
