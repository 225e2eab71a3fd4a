// The web process's long-lived connections (Redis, queues, publisher), created once and kept
// across Next.js dev reloads like the Prisma client.
import path from "node:path";
import type { Redis } from "ioredis";
import type { ApiDeps } from "./api/trpc";
import { createRateLimits } from "./auth/rate-limits";
import { createRedis } from "./create-redis";
import { db, sql } from "./db";
import { env } from "./env";
import { createDispatcher } from "./queues/dispatcher";
import { createFleetCommands } from "./queues/fleet-commands";
import { createAgentSamples } from "./services/agents/agent-samples";
import { createFleetPause } from "./services/fleet/fleet-pause";
import { createTaskSignals } from "./queues/task-signals";
import { createRealtimePublisher } from "./realtime/publisher";
import { redisKeys } from "./redis-keys";

export interface WebDeps extends ApiDeps {
  redis: Redis;
  simulated: boolean;
}

function createWebDeps(): WebDeps {
  const redis = createRedis(env.REDIS_URL);
  const keys = redisKeys(env.BATON_REDIS_PREFIX);
  return {
    db,
    sql,
    redis,
    keys,
    dispatcher: createDispatcher(redis, keys.bullPrefix),
    publisher: createRealtimePublisher(redis, keys.socketIoKey),
    signals: createTaskSignals(redis, keys),
    fleetPause: createFleetPause(redis, keys.fleetPause),
    fleetCommands: createFleetCommands(redis, keys.fleetCommands),
    agentSamples: createAgentSamples(redis, keys),
    rateLimits: createRateLimits(redis, keys.rateLimitPrefix, {
      taskCreatesPerMinute: env.BATON_TASK_CREATES_PER_MINUTE,
      tokenFailuresPerMinute: env.BATON_TOKEN_FAILURES_PER_MINUTE,
    }),
    workspaces: { root: path.resolve(env.BATON_WORKSPACES), seed: path.resolve(env.BATON_WORKSPACE_SEED) },
    simulated: !env.ANTHROPIC_API_KEY,
    defaultModel: env.BATON_MODEL,
  };
}

const globalForDeps = globalThis as unknown as { batonWebDeps?: WebDeps };

export function webDeps(): WebDeps {
  globalForDeps.batonWebDeps ??= createWebDeps();
  return globalForDeps.batonWebDeps;
}
