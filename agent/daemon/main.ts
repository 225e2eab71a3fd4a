// The agent daemon: reads its layered configuration (`--print-config` shows it and exits),
// starts the simulated Claude when no API key is set, and runs the supervisor, the autoscaler,
// the resource sampler, the reconciler, the dashboard's command channel and the management API;
// stops everything cleanly on SIGTERM.
import os from "node:os";
import path from "node:path";
import { AGENT_HEARTBEAT_STALE_MS } from "../../server/contracts/heartbeat";
import "../../server/contracts/plain-messages";
import { createDatabase } from "../../server/db/create-prisma";
import { createRedis } from "../../server/create-redis";
import { createDispatcher } from "../../server/queues/dispatcher";
import { createTaskSignals } from "../../server/queues/task-signals";
import { createRealtimePublisher } from "../../server/realtime/publisher";
import { redisKeys } from "../../server/redis-keys";
import { checkRedisDurability } from "../../server/services/health/redis-durability";
import { createAgentSamples } from "../../server/services/agents/agent-samples";
import { handBackHeldSubtasks } from "../../server/services/orchestration/requeue-subtask";
import { parseAgentEnv } from "../env";
import { createSimServer } from "../sim";
import { startAutoscaler } from "./autoscaler";
import { bundleAgent } from "./bundle-agent";
import { formatConfig } from "./config/format-config";
import { ConfigError, loadDaemonConfig } from "./config/load-config";
import { createFleetControl } from "./fleet-control";
import { readHostResources } from "./host-resources";
import { listenFleetCommands } from "./listen-fleet-commands";
import { startManagementApi } from "./management-api";
import { processAlive } from "./process-tree";
import { startReconciler } from "./reconciler";
import { AgentSupervisor } from "./supervisor";

let loaded;
try {
  loaded = loadDaemonConfig({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd() });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
if (loaded.printConfig) {
  console.log(formatConfig(loaded));
  process.exit(0);
}
const { config } = loaded;

// Built while the daemon connects and starts the simulated Claude; inside the project, so the
// bundle's imports of packages resolve to its node_modules.
const workerBundle = bundleAgent(path.join(import.meta.dirname, "..", "worker", "main.ts"), path.join(import.meta.dirname, "..", "..", ".baton", "build"));
const env = parseAgentEnv();
const host = os.hostname();
const owner = `${host}:${process.pid}`;
const { db, sql } = createDatabase(env.DATABASE_URL, { max: 4 });
const redis = createRedis(env.REDIS_URL);
const subscriber = createRedis(env.REDIS_URL, "subscribe");
if (env.NODE_ENV === "production") {
  const refusal = await checkRedisDurability(redis, { url: env.REDIS_URL, allowEphemeral: env.BATON_ALLOW_EPHEMERAL_REDIS });
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}
const keys = redisKeys(env.BATON_REDIS_PREFIX);
const publisher = createRealtimePublisher(redis, keys.socketIoKey);
const deps = { db, sql, keys, publisher, dispatcher: createDispatcher(redis, keys.bullPrefix), signals: createTaskSignals(redis, keys) };

let simUrl = env.BATON_SIM_URL;
const sim =
  !env.ANTHROPIC_API_KEY && !simUrl
    ? await createSimServer({ port: env.BATON_SIM_PORT, firstTokenDelayMs: env.SIM_FIRST_TOKEN_DELAY_MS, tokenDelayMs: env.SIM_TOKEN_DELAY_MS })
    : null;
if (sim) simUrl = sim.url;
console.log(env.ANTHROPIC_API_KEY ? `daemon: agents use Claude (${env.BATON_MODEL})` : `daemon: agents use the simulated Claude at ${simUrl}`);

// Agents get the daemon's settings they use through their environment; never the API token.
const { BATON_DAEMON_TOKEN: _token, ...inherited } = process.env;
const supervisor = new AgentSupervisor({
  db,
  sql,
  publisher,
  samples: createAgentSamples(redis, keys),
  host,
  worker: await workerBundle,
  childEnv: {
    ...inherited,
    ...(simUrl ? { BATON_SIM_URL: simUrl } : {}),
    BATON_HEARTBEAT_INTERVAL_MS: String(config.intervals.heartbeat),
    BATON_WORKSPACES: config.paths.workspaces,
    BATON_WORKSPACE_SEED: config.paths.workspaceSeed,
  },
  heartbeatTimeoutMs: Math.max(10_000, config.intervals.heartbeat * 15),
  stopTimeoutMs: 10_000,
  async onTakedown(takedown) {
    await handBackHeldSubtasks(deps, { agentId: takedown.agentId, reason: takedown.reason, countAttempt: takedown.countAttempt });
    // A limit breach: the supervisor restarts the agent, so the profile's count is unchanged.
    if (takedown.countAttempt && !takedown.crashed) {
      const count = fleet.count(takedown.profile.id);
      await fleet.record(takedown.profile.id, "killed", `${takedown.reason}${takedown.subtaskId ? "; its subtask went back to the queue" : ""}`, count, count);
    }
  },
});
const fleet = createFleetControl({ db, publisher, host, supervisor, config, readHost: readHostResources });
await supervisor.start();
const autoscaler = startAutoscaler({ fleet, supervisor, dispatcher: deps.dispatcher, keys, intervalMs: config.intervals.autoscale });
await autoscaler.runOnce();
const monitor = setInterval(() => void supervisor.monitor().catch((e) => console.error("monitor:", e)), config.intervals.sample);
const reconciler = startReconciler({
  deps,
  redis,
  lockKey: keys.reconcileLock,
  owner,
  intervalMs: config.intervals.reconcile,
  agentStaleMs: Math.max(AGENT_HEARTBEAT_STALE_MS, config.intervals.heartbeat * 15),
  holderIsGone: (holder) => holder.startsWith(`${host}:`) && !processAlive(Number(holder.slice(host.length + 1))),
});
await listenFleetCommands({ subscriber, redis, keys, owner, fleet });
const api = config.api.token
  ? await startManagementApi({ port: config.api.port, token: config.api.token, host, fleet, supervisor }).catch((error: Error) => {
      console.error(`daemon: management API not started on 127.0.0.1:${config.api.port}: ${error.message}`);
      return null;
    })
  : null;
if (api) console.log(`daemon: management API on ${api.url}`);
else if (!config.api.token) console.log("daemon: management API off (set BATON_DAEMON_TOKEN or api.token to turn it on)");
console.log(`daemon: running on ${host} (pid ${process.pid}), up to ${config.fleet.maxAgents} agents${loaded.file ? `, configured by ${loaded.file}` : ""}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`daemon: ${signal}, stopping agents`);
  autoscaler.stop();
  clearInterval(monitor);
  reconciler.stop();
  await api?.close();
  await supervisor.stop();
  await sim?.close();
  await deps.dispatcher.close();
  await Promise.all([redis, subscriber].map((connection) => connection.quit().catch(() => {})));
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
