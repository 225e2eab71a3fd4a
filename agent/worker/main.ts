// An agent process: one profile, one BullMQ worker. Started by the agent daemon with fork().
import { createDatabase } from "../../server/db/create-prisma";
import "../../server/contracts/plain-messages";
import { ZDaemonToAgentSchema, type AgentToDaemonMessage } from "../../server/contracts/ipc";
import { createRedis } from "../../server/create-redis";
import { createDispatcher } from "../../server/queues/dispatcher";
import { createTaskSignals, onTaskAbort } from "../../server/queues/task-signals";
import { createRealtimePublisher } from "../../server/realtime/publisher";
import { redisKeys } from "../../server/redis-keys";
import { createPriceBook } from "../../server/services/costs/price-book";
import { createFleetPause, withRecentReads } from "../../server/services/fleet/fleet-pause";
import { handBackSubtask } from "../../server/services/orchestration/requeue-subtask";
import { parseAgentEnv } from "../env";
import { createCallSlots } from "../model/call-slots";
import { createAnthropic, describeModelError } from "../model/create-anthropic";
import { rateLimitFetch } from "../model/rate-limit-fetch";
import { createTaskCoordination } from "../tools/task-coordination";
import { createWriteLocks } from "../tools/write-locks";
import { bubblewrapAvailable, fenceAvailable, slirpAvailable } from "../tools/sandbox";
import { LogSink } from "./log-sink";
import { AgentStatus } from "./agent-status";
import { BackgroundWork } from "./background-work";
import { startAgentWorker } from "./start-agent-worker";
import { TaskAborts } from "./task-aborts";

// Output goes to the daemon through pipes. Once the daemon is gone a write fails with EPIPE,
// which must not end the agent before its shutdown has handed its subtask back.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

const env = parseAgentEnv();
if (!env.BATON_AGENT_ID || !env.BATON_PROFILE) throw new Error("BATON_AGENT_ID and BATON_PROFILE must be set (the daemon sets them).");
const agentId = env.BATON_AGENT_ID;

const { db, sql } = createDatabase(env.DATABASE_URL, { max: 3, genericPlans: true });
const redis = createRedis(env.REDIS_URL);
const blocking = createRedis(env.REDIS_URL, "blocking");
const subscriber = createRedis(env.REDIS_URL, "subscribe");
const publishing = createRedis(env.REDIS_URL, "publish");
const keys = redisKeys(env.BATON_REDIS_PREFIX);
const publisher = createRealtimePublisher(publishing, keys.socketIoKey);
const deps = { db, sql, keys, publisher, dispatcher: createDispatcher(redis, keys.bullPrefix), signals: createTaskSignals(redis, keys) };

const profile = await db.agentProfile.findUniqueOrThrow({ where: { name: env.BATON_PROFILE } });
const logs = new LogSink({ sql, publisher });
const aborts = new TaskAborts();
await onTaskAbort(subscriber, keys.cancelChannel, (message) => aborts.abort(message.taskId, message.reason));

/** How long a read of the fleet pause answers for: the check before a job and the one before its first model call. */
const FLEET_PAUSE_FRESH_MS = 250;

let stopping = false;
const ORPHAN_EXIT_DEADLINE_MS = 5000;
// A send to a daemon that is gone must not end the process before its shutdown has handed its
// subtask back: once the channel is closed, send() would throw ERR_IPC_CHANNEL_CLOSED; while it is
// closing, the write fails with EPIPE, which without a callback is an 'error' event nobody handles.
const send = (message: AgentToDaemonMessage) => {
  if (process.connected) process.send?.(message, () => {});
};
// Every move is reported at once; the interval below only proves the agent is alive.
const status = new AgentStatus(() => heartbeat());
const heartbeat = () => {
  const { state, since, subtaskId } = status.snapshot();
  send({ type: "heartbeat", state, stateChangedAt: since, subtaskId });
};

const fleetPause = withRecentReads(createFleetPause(redis, keys.fleetPause), FLEET_PAUSE_FRESH_MS);
const anthropic = createAnthropic({
  apiKey: env.ANTHROPIC_API_KEY,
  simUrl: env.BATON_SIM_URL,
  maxRetries: env.BATON_MODEL_MAX_RETRIES,
  fetch: rateLimitFetch({ fleetPause, inlineWaitMs: env.BATON_RATE_LIMIT_INLINE_WAIT_MS, onPause: (pause) => publisher.fleetPause(pause) }),
});

const background = new BackgroundWork((error) => console.error(`agent ${agentId}: work left running after a job failed: ${describeModelError(error)}`));

const worker = startAgentWorker({
  runtime: {
    deps,
    anthropic,
    defaultModel: env.BATON_MODEL,
    agentId,
    profile,
    logs,
    workspaces: { root: env.BATON_WORKSPACES, seed: env.BATON_WORKSPACE_SEED },
    commandTimeoutSeconds: env.BATON_COMMAND_TIMEOUT_SECONDS,
    allowUnsandboxedCommands: env.BATON_ALLOW_UNSANDBOXED_COMMANDS,
    commandReachable: env.BATON_COMMAND_REACHABLE,
    coordination: createTaskCoordination(redis, keys),
    writeLocks: createWriteLocks(redis, keys),
    writeLockWaitMs: env.BATON_WRITE_LOCK_WAIT_SECONDS * 1000,
    status,
    modelCalls: {
      prices: createPriceBook(db, { ttlMs: 30_000 }),
      fleetPause,
      slots: createCallSlots(redis, keys.callSlots, { leaseMs: 30_000, pollMs: 200 }),
      inlineWaitMs: env.BATON_RATE_LIMIT_INLINE_WAIT_MS,
    },
    background,
    stopping: () => stopping,
  },
  aborts,
  connection: blocking,
  queueName: keys.agentQueue(profile.name),
  bullPrefix: keys.bullPrefix,
  lockDurationMs: env.BATON_LOCK_DURATION_MS,
  stalledIntervalMs: env.BATON_STALLED_INTERVAL_MS,
});
await worker.waitUntilReady();
// The sandbox probes run a process and wait for it: once here, not in the first subtask's time.
if (bubblewrapAvailable() && profile.networkAllowed && slirpAvailable()) fenceAvailable();
status.to("IDLE");
worker.run().catch((error: Error) => console.error(`agent ${agentId}: its worker stopped: ${error.message}`));
send({ type: "ready" });
const beat = setInterval(heartbeat, env.BATON_HEARTBEAT_INTERVAL_MS);

async function shutdown(reason: string, force = false) {
  if (stopping) return;
  stopping = true;
  const { subtaskId } = status.snapshot();
  status.to("TERMINATING");
  console.log(`agent ${agentId}: stopping (${reason})`);
  clearInterval(beat);
  // Without its daemon nobody would ever kill this process: closing must not wait on a Redis or
  // PostgreSQL that is away (quitting a connection that is reconnecting waits for it to return).
  if (force) setTimeout(() => process.exit(1), ORPHAN_EXIT_DEADLINE_MS).unref();
  // Nor would anyone hand its subtask back before the job's lock expired: it does so itself, so
  // the next agent can start the subtask at once. The run's own writes after this are fenced off.
  // A daemon's death is not the subtask's doing, so it uses up none of the subtask's attempts.
  if (force && subtaskId) {
    await handBackSubtask(deps, { subtaskId, agentId, reason: "its daemon stopped", countAttempt: false, runMayGoOn: true }).catch((error: Error) =>
      console.error(`agent ${agentId}: could not hand back subtask ${subtaskId}: ${error.message}`),
    );
  }
  // Graceful: the current job finishes. Forced (the daemon is gone): the job went back above, or,
  // if Redis or PostgreSQL was away, its lock expires and BullMQ's stall detection hands it on.
  await worker.close(force);
  await background.drain();
  await logs.close();
  // The last publishes wait in the auto-pipeline for the end of this turn of the event loop, and
  // QUIT is sent at once: let them go out first.
  await new Promise((resolve) => setImmediate(resolve));
  await Promise.all([redis, blocking, subscriber, publishing].map((connection) => connection.quit().catch(() => {})));
  await db.$disconnect();
  process.exit(0);
}

process.on("message", (raw) => {
  const message = ZDaemonToAgentSchema.safeParse(raw);
  if (message.success && message.data.type === "shutdown") void shutdown(message.data.reason);
});
process.on("disconnect", () => void shutdown("the daemon is gone", true));
// A daemon that died while this agent was still starting disconnected before anyone listened.
if (process.connected === false) void shutdown("the daemon is gone", true);
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
