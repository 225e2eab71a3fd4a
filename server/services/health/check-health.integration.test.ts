// /api/health's report against real services reached through a cuttable proxy: an outage of
// Redis or PostgreSQL shows (naming the dependency) for as long as it lasts and clears after; the
// fleet goes red without heartbeats and when queued work sits beside idle agents.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../../create-redis";
import { createPrisma, type Db } from "../../db/create-prisma";
import { createTestDeps, resetData, waitFor } from "../../testing/test-deps";
import { startTcpProxy, throughProxy, type TcpProxy } from "../../testing/tcp-proxy";
import { checkHealth, STUCK_QUEUE_MS, type HealthDeps } from "./check-health";

const deps = createTestDeps("health");
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
let health: HealthDeps;
let proxiedDb: Db;
let generalistId = "";

const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  await resetData(deps);
  const pg = new URL(process.env.DATABASE_URL!);
  const redis = new URL(process.env.REDIS_URL!);
  pgProxy = await startTcpProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
  redisProxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  proxiedDb = createPrisma(throughProxy(process.env.DATABASE_URL!, pgProxy), { max: 2 });
  health = { db: proxiedDb, redis: createRedis(throughProxy(process.env.REDIS_URL!, redisProxy)), fleetPause: deps.fleetPause, simulated: true };
  generalistId = (await deps.db.agentProfile.findUniqueOrThrow({ where: { name: "generalist" } })).id;
});

afterEach(async () => {
  await pgProxy.restore();
  await redisProxy.restore();
  await deps.db.agentProcess.deleteMany({});
  await deps.db.task.deleteMany({});
  await deps.redis.del(deps.keys.fleetPause);
});

afterAll(async () => {
  health.redis.disconnect();
  await proxiedDb.$disconnect();
  await Promise.all([pgProxy.close(), redisProxy.close()]);
  await deps.close();
});

const agent = (data: { state?: "IDLE" | "WORKING"; heartbeatAgo?: number; stateAgo?: number } = {}) =>
  deps.db.agentProcess.create({
    data: { host: "health-test", profileId: generalistId, state: data.state ?? "IDLE", stateChangedAt: ago(data.stateAgo ?? 0), lastHeartbeatAt: ago(data.heartbeatAgo ?? 0) },
  });

async function queuedSubtask(queuedAgo: number) {
  const task = await deps.db.task.create({ data: { title: "t", prompt: "p", status: "RUNNING" } });
  const subtask = await deps.db.subtask.create({
    data: { taskId: task.id, index: 0, title: "Survey", instructions: "i", status: "QUEUED", profileId: generalistId, queuedAt: ago(queuedAgo) },
  });
  // Prisma sets updatedAt itself; the row must look as if nothing touched it since it was queued.
  await deps.db.$executeRaw`UPDATE "Subtask" SET "updatedAt" = ${ago(queuedAgo)} WHERE id = ${subtask.id}`;
  return subtask;
}

describe("checkHealth", () => {
  it("is green with reachable services and a beating agent", async () => {
    await agent();
    const report = await checkHealth(health);
    expect(report).toMatchObject({ ok: true, down: [], database: { ok: true }, redis: { ok: true }, fleet: { ok: true, agents: 1, fresh: 1, stuck: [] } });
  });

  it("reports a Redis outage while it lasts, then recovers", async () => {
    await agent();
    redisProxy.cut();
    const during = await checkHealth(health);
    expect(during.ok).toBe(false);
    expect(during.down).toEqual(["redis"]);
    // The public answer names no host or port; the driver's message goes to the log.
    expect(during.redis.error).toMatch(/^(not reachable|no answer within 2000 ms)$/);
    expect(during.database.ok).toBe(true);
    // Still down on a second look: the report does not go green while the outage lasts.
    expect((await checkHealth(health)).down).toEqual(["redis"]);
    await redisProxy.restore();
    const after = await waitFor("Redis to be healthy again", async () => {
      const report = await checkHealth(health);
      return report.ok ? report : null;
    });
    expect(after.down).toEqual([]);
  });

  it("reports a PostgreSQL outage while it lasts, then recovers", async () => {
    await agent();
    pgProxy.cut();
    const during = await checkHealth(health);
    expect(during.down).toEqual(["database", "fleet"]);
    expect(during.database.error).toMatch(/^(not reachable|no answer within 2000 ms)$/);
    expect(during.fleet.error).toBe("database unavailable");
    expect(during.redis.ok).toBe(true);
    expect((await checkHealth(health)).down).toContain("database");
    await pgProxy.restore();
    await waitFor("PostgreSQL to be healthy again", async () => (await checkHealth(health)).ok);
  });

  it("goes red when no agent has beaten recently", async () => {
    await agent({ heartbeatAgo: MINUTE });
    const report = await checkHealth(health);
    expect(report.down).toEqual(["fleet"]);
    expect(report.fleet).toMatchObject({ agents: 1, fresh: 0, error: "no agent has sent a heartbeat in the last 15 s" });
  });

  it("goes red when queued work waits beside an agent idle just as long", async () => {
    await agent({ stateAgo: STUCK_QUEUE_MS + MINUTE });
    await queuedSubtask(STUCK_QUEUE_MS + 30_000);
    const report = await checkHealth(health);
    expect(report.down).toEqual(["fleet"]);
    expect(report.fleet.stuck).toEqual([{ profile: "generalist", queued: 1, idleAgents: 1, oldestQueuedSeconds: expect.any(Number) }]);
    expect(report.fleet.stuck[0]!.oldestQueuedSeconds).toBeGreaterThanOrEqual(150);
    expect(report.fleet.error).toMatch(/^agents are not taking queued work: 1 generalist subtask has waited \d+ s while 1 generalist agent sat idle$/);
  });

  it("stays green for work queued recently, busy agents, or a rate-limit pause", async () => {
    await agent({ stateAgo: STUCK_QUEUE_MS + MINUTE });
    await queuedSubtask(10_000);
    expect((await checkHealth(health)).ok).toBe(true);

    await deps.db.agentProcess.deleteMany({});
    await agent({ state: "WORKING", stateAgo: STUCK_QUEUE_MS + MINUTE });
    await queuedSubtask(STUCK_QUEUE_MS + MINUTE);
    expect((await checkHealth(health)).ok).toBe(true);

    await agent({ stateAgo: STUCK_QUEUE_MS + MINUTE });
    expect((await checkHealth(health)).ok).toBe(false);
    await deps.fleetPause.pauseUntil(Date.now() + MINUTE, "rate limited");
    expect((await checkHealth(health)).ok).toBe(true);
  });
});
