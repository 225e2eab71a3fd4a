// A job's attempts are for its work. Neither Redis out of reach where the agent reads the fleet's
// rate-limit pause, before anything is claimed, nor a job arriving while the agent is still
// starting may use one up: the subtask would then fail for good at its next brief outage. Real
// Redis (the pause behind a proxy that is cut) and PostgreSQL, with the agent's own BullMQ worker.
import { afterAll, beforeAll, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { createRedis } from "../../server/create-redis";
import { createFleetPause, type FleetPause } from "../../server/services/fleet/fleet-pause";
import { createTestDeps } from "../../server/testing/test-deps";
import { startTcpProxy, throughProxy, type TcpProxy } from "../../server/testing/tcp-proxy";
import { AgentStatus } from "./agent-status";
import type { AgentRuntime } from "./runtime";
import { startAgentWorker } from "./start-agent-worker";
import { TaskAborts } from "./task-aborts";

const deps = createTestDeps("agent-worker");
const queueName = `${deps.prefix}-agents`;
let proxy: TcpProxy;
let pauseRedis: Redis;
let workerRedis: Redis;
let worker: Worker | undefined;
let workspaces: string;

beforeAll(async () => {
  const redis = new URL(process.env.REDIS_URL!);
  proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  pauseRedis = createRedis(throughProxy(process.env.REDIS_URL!, proxy));
  workerRedis = createRedis(process.env.REDIS_URL!, "blocking");
  workspaces = await fs.mkdtemp(path.join(os.tmpdir(), "baton-agent-worker-"));
});

afterAll(async () => {
  await worker?.close(true);
  pauseRedis.disconnect();
  await workerRedis.quit();
  await proxy.close();
  await deps.close();
  await fs.rm(workspaces, { recursive: true, force: true });
});

/** An agent's runtime with only what a job that finds nothing to claim uses. */
const agentRuntime = (agentId: string, fleetPause: FleetPause) =>
  ({
    deps,
    agentId,
    profile: { id: "generalist" },
    workspaces: { root: workspaces, seed: deps.workspaces.seed },
    status: new AgentStatus(),
    modelCalls: { fleetPause },
    stopping: () => false,
  }) as unknown as AgentRuntime;

const startWorker = (runtime: AgentRuntime, queue: string) =>
  startAgentWorker({ runtime, aborts: new TaskAborts(), connection: workerRedis, queueName: queue, bullPrefix: deps.keys.bullPrefix, lockDurationMs: 30_000, stalledIntervalMs: 30_000 });

/** How the worker's first job ends, with the attempts it made. */
const firstOutcome = (started: Worker) =>
  new Promise((resolve) => {
    started.on("completed", (job: Job) => resolve({ completed: job.attemptsMade }));
    started.on("failed", (job: Job | undefined, error: Error) => resolve({ failed: `attempt ${job?.attemptsMade}: ${error.message}` }));
  });

it("takes a job without using up an attempt when the fleet's pause cannot be read", async () => {
  await pauseRedis.ping();
  proxy.cut();
  const fleetPause = createFleetPause(pauseRedis, deps.keys.fleetPause);
  await expect(fleetPause.read()).rejects.toThrow();

  // An agent ready for work, as agent/worker/main.ts leaves it. The subtask does not exist (a
  // cancelled task's, say): the claim finds nothing and the job ends.
  const runtime = agentRuntime("agent-pause-away", fleetPause);
  runtime.status.to("IDLE");
  worker = startWorker(runtime, queueName);
  const outcome = firstOutcome(worker);
  void worker.run();
  await deps.dispatcher.enqueue("subtask", { taskId: "task-gone", subtaskId: "subtask-gone" }, { queue: queueName });
  expect(await outcome).toEqual({ completed: 1 });
  expect(runtime.status.state).toBe("IDLE");
});

it("takes no job while its agent is still starting, and takes the waiting one once told to run", async () => {
  await worker?.close(true);
  // INITIALIZING, as a new agent process is until its start-up ends.
  const runtime = agentRuntime("agent-starting", createFleetPause(workerRedis, deps.keys.fleetPause));
  const payload = { taskId: "task-gone", subtaskId: "subtask-waiting" };
  const queue = `${queueName}-starting`;
  await deps.dispatcher.enqueue("subtask", payload, { queue });
  worker = startWorker(runtime, queue);
  await worker.waitUntilReady();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await deps.dispatcher.jobState(queue, "subtask", payload)).toBe("waiting");

  const outcome = firstOutcome(worker);
  runtime.status.to("IDLE");
  void worker.run();
  expect(await outcome).toEqual({ completed: 1 });
});
