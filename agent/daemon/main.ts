// The agent daemon: starts the simulated Claude when no API key is set, runs the fleet
// supervisor and the reconciler, and stops everything cleanly on SIGTERM.
import os from "node:os";
import path from "node:path";
import { AGENT_HEARTBEAT_STALE_MS } from "../../server/contracts/heartbeat";
import { createPrisma } from "../../server/db/create-prisma";
import { createRedis } from "../../server/create-redis";
import { createDispatcher } from "../../server/queues/dispatcher";
import { createTaskSignals } from "../../server/queues/task-signals";
import { createRealtimePublisher } from "../../server/realtime/publisher";
import { redisKeys } from "../../server/redis-keys";
import { parseAgentEnv } from "../env";
import { createSimServer } from "../sim";
import { startReconciler } from "./reconciler";
import { AgentSupervisor } from "./supervisor";

const env = parseAgentEnv();
const host = os.hostname();
const db = createPrisma(env.DATABASE_URL, { max: 4 });
const redis = createRedis(env.REDIS_URL);
const keys = redisKeys(env.BATON_REDIS_PREFIX);
const publisher = createRealtimePublisher(redis, keys.socketIoKey);
const deps = { db, keys, publisher, dispatcher: createDispatcher(redis, keys.bullPrefix), signals: createTaskSignals(redis, keys.cancelChannel) };

let simUrl = env.BATON_SIM_URL;
const sim =
  !env.ANTHROPIC_API_KEY && !simUrl
    ? await createSimServer({ port: env.BATON_SIM_PORT, firstTokenDelayMs: env.SIM_FIRST_TOKEN_DELAY_MS, tokenDelayMs: env.SIM_TOKEN_DELAY_MS })
    : null;
if (sim) simUrl = sim.url;
console.log(env.ANTHROPIC_API_KEY ? `daemon: agents use Claude (${env.BATON_MODEL})` : `daemon: agents use the simulated Claude at ${simUrl}`);

const supervisor = new AgentSupervisor({
  db,
  publisher,
  host,
  maxAgents: env.BATON_MAX_AGENTS,
  workerEntry: path.join(import.meta.dirname, "..", "worker", "main.ts"),
  childEnv: { ...process.env, ...(simUrl ? { BATON_SIM_URL: simUrl } : {}) },
  heartbeatTimeoutMs: Math.max(10_000, env.BATON_HEARTBEAT_INTERVAL_MS * 15),
  stopTimeoutMs: 10_000,
});
await supervisor.start();
const monitor = setInterval(() => void supervisor.monitor().catch((e) => console.error("monitor:", e)), env.BATON_MONITOR_INTERVAL_MS);
const sync = setInterval(() => void supervisor.sync().catch((e) => console.error("sync:", e)), 10_000);
const reconciler = startReconciler({
  deps,
  redis,
  lockKey: keys.reconcileLock,
  owner: `${host}:${process.pid}`,
  intervalMs: env.BATON_RECONCILE_INTERVAL_MS,
  agentStaleMs: Math.max(AGENT_HEARTBEAT_STALE_MS, env.BATON_HEARTBEAT_INTERVAL_MS * 15),
});
console.log(`daemon: running on ${host} (pid ${process.pid}), up to ${env.BATON_MAX_AGENTS} agents`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`daemon: ${signal}, stopping agents`);
  clearInterval(monitor);
  clearInterval(sync);
  reconciler.stop();
  await supervisor.stop();
  await sim?.close();
  await deps.dispatcher.close();
  await redis.quit().catch(() => {});
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
