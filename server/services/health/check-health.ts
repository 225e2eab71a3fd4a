// The state of the database, Redis and the agent fleet for /api/health.
import type { Redis } from "ioredis";
import { LIVE_AGENT_STATES } from "../../contracts/agent-state";
import { AGENT_HEARTBEAT_STALE_MS } from "../../contracts/heartbeat";
import type { Db } from "../../db/create-prisma";


export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; error?: string };
  redis: { ok: boolean; error?: string };
  fleet: { ok: boolean; agents: number; fresh: number; error?: string };
  model: "claude" | "simulated";
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

export async function checkHealth(deps: { db: Db; redis: Redis; simulated: boolean }): Promise<HealthReport> {
  const database = await withTimeout(deps.db.$queryRaw`SELECT 1`, 2000)
    .then(() => ({ ok: true }))
    .catch((error: unknown) => ({ ok: false, error: describe(error) }));
  const redis = await withTimeout(deps.redis.ping(), 2000)
    .then(() => ({ ok: true }))
    .catch((error: unknown) => ({ ok: false, error: describe(error) }));

  let fleet: HealthReport["fleet"] = { ok: false, agents: 0, fresh: 0, error: "database unavailable" };
  if (database.ok) {
    const agents = await deps.db.agentProcess.findMany({
      where: { state: { in: [...LIVE_AGENT_STATES] } },
      select: { lastHeartbeatAt: true },
    });
    const fresh = agents.filter((a) => a.lastHeartbeatAt && Date.now() - a.lastHeartbeatAt.getTime() < AGENT_HEARTBEAT_STALE_MS).length;
    fleet = fresh > 0 ? { ok: true, agents: agents.length, fresh } : { ok: false, agents: agents.length, fresh, error: "no agent has sent a heartbeat in the last 15 s" };
  }
  return {
    ok: database.ok && redis.ok && fleet.ok,
    database,
    redis,
    fleet,
    model: deps.simulated ? "simulated" : "claude",
  };
}
