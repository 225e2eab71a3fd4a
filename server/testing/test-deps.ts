// Real PostgreSQL and Redis for integration tests, with a Redis prefix of the test's own so its
// queues and events are invisible to other tests and to a running demo.
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Redis } from "ioredis";
import { createDatabase } from "../db/create-prisma";
import { createRedis } from "../create-redis";
import { createDispatcher } from "../queues/dispatcher";
import { createFleetCommands } from "../queues/fleet-commands";
import { createAgentSamples } from "../services/agents/agent-samples";
import { createFleetPause } from "../services/fleet/fleet-pause";
import { createTaskSignals } from "../queues/task-signals";
import { createRealtimePublisher } from "../realtime/publisher";
import { redisKeys } from "../redis-keys";
import type { ApiDeps } from "../api/trpc";
import { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimitConfig } from "../auth/rate-limits";
import type { OrchestratorDeps } from "../services/orchestration/deps";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");

export interface TestDeps extends ApiDeps {
  prefix: string;
  /** The connection behind the deps, for tests that read or write keys directly. */
  redis: Redis;
  close(options?: { keepKeys?: boolean }): Promise<void>;
}

export function createTestDeps(name: string, options: { rateLimits?: RateLimitConfig } = {}): TestDeps {
  return createTestDepsForPrefix(`${process.env.BATON_REDIS_PREFIX ?? "baton-test"}-${name}-${randomUUID().slice(0, 8)}`, options);
}

export function createTestDepsForPrefix(prefix: string, options: { rateLimits?: RateLimitConfig } = {}): TestDeps {
  const { db, sql } = createDatabase(process.env.DATABASE_URL!, { max: 5 });
  const redis = createRedis(process.env.REDIS_URL!);
  const keys = redisKeys(prefix);
  const dispatcher = createDispatcher(redis, keys.bullPrefix);
  return {
    prefix,
    redis,
    db,
    sql,
    defaultModel: process.env.BATON_MODEL ?? "claude-sonnet-5",
    keys,
    dispatcher,
    publisher: createRealtimePublisher(redis, keys.socketIoKey),
    signals: createTaskSignals(redis, keys),
    fleetPause: createFleetPause(redis, keys.fleetPause),
    fleetCommands: createFleetCommands(redis, keys.fleetCommands),
    agentSamples: createAgentSamples(redis, keys),
    rateLimits: createRateLimits(redis, keys.rateLimitPrefix, options.rateLimits ?? DEFAULT_RATE_LIMITS),
    // The folder startDaemon gives the test's agents, so the API reads what they wrote.
    workspaces: { root: path.join(projectRoot, ".baton", "test-workspaces", prefix), seed: path.join(projectRoot, "agent", "workspace-seed") },
    async close(options = {}) {
      await dispatcher.close();
      const stale = options.keepKeys ? [] : await redis.keys(`${prefix}:*`);
      if (stale.length) await redis.del(...stale);
      await redis.quit();
      await db.$disconnect();
    },
  };
}

/** Tests run one file at a time; each starts from empty task, agent, people and audit tables. */
export async function resetData(deps: Pick<OrchestratorDeps, "db">): Promise<void> {
  await deps.db.$executeRawUnsafe(`TRUNCATE "Task", "AgentProcess", "User", "Invitation", "AuditEvent" CASCADE`);
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Waits until the seeded fleet (two generalists, two analysts) is idle, so a test's clock starts
 * after it: on a machine busy with other test files, four agents loading at once can take half a
 * minute. Call it from a hook given more than its 120 s.
 */
export function seededFleetIdle(deps: Pick<OrchestratorDeps, "db">): Promise<true> {
  return waitFor("the four seeded agents to be idle", async () => (await deps.db.agentProcess.count({ where: { state: "IDLE" } })) >= 4, 120_000);
}

/** Waits until the task has ended (succeeded, failed or cancelled) and returns it. */
export function taskFinished(deps: Pick<OrchestratorDeps, "db">, taskId: string, timeoutMs = 90_000) {
  return waitFor(`task ${taskId} to finish`, async () => {
    const task = await deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    return ["SUCCEEDED", "FAILED", "CANCELLED"].includes(task.status) ? task : null;
  }, timeoutMs);
}

/**
 * Waits for an agent to be running one of the task's subtasks and returns it. The first task of a
 * file also waits for its daemon and agents to start, which a busy machine (other test files'
 * fleets starting too) can stretch well past 30 s; a timeout shows the daemon's output.
 */
export function runningSubtask(deps: Pick<OrchestratorDeps, "db">, taskId: string, daemonOutput: () => string) {
  return waitFor(
    "a running subtask",
    () => deps.db.subtask.findFirst({ where: { taskId, status: "RUNNING", agentId: { not: null } }, select: { id: true, agentId: true } }),
    90_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${daemonOutput()}`);
  });
}
