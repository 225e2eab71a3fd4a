// The chain benchmark's baseline: the same chain as plain BullMQ on the same Redis, with nothing
// but the queue. Each job's processor adds the next job through Baton's dispatcher (same job
// options), on workers built with the agents' settings, one blocking connection each. What Baton
// adds per step is the chain's time per step minus this one.
import { Worker } from "bullmq";
import { createRedis } from "../../server/create-redis";
import { createDispatcher } from "../../server/queues/dispatcher";
import { agentWorkerSettings } from "../../agent/worker/start-agent-worker";

export interface RawChainResult {
  /** First job's start to last job's end, divided by the number of steps. */
  perStepMs: number;
  /** One job's end to the next job's start. */
  gapsMs: number[];
}

export async function runRawBullmqChain(options: { redisUrl: string; prefix: string; steps: number; workers: number; lockDurationMs: number; stalledIntervalMs: number }): Promise<RawChainResult> {
  const bullPrefix = `${options.prefix}:raw-bull`;
  const queueName = "raw-chain";
  const redis = createRedis(options.redisUrl);
  const dispatcher = createDispatcher(redis, bullPrefix);
  const started: number[] = [];
  const ended: number[] = [];
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const runId = Date.now().toString(36);

  const connections = Array.from({ length: options.workers }, () => createRedis(options.redisUrl, "blocking"));
  const workers = connections.map(
    (connection) =>
      new Worker(
        queueName,
        async (job) => {
          const step = Number(job.data.subtaskId.split("-").at(-1));
          started[step] = performance.now();
          if (step + 1 < options.steps) {
            await dispatcher.enqueue("subtask", { taskId: runId, subtaskId: `${runId}-${step + 1}` }, { queue: queueName, priority: 605 });
          }
          ended[step] = performance.now();
          if (step + 1 === options.steps) done();
        },
        agentWorkerSettings({ connection, bullPrefix, lockDurationMs: options.lockDurationMs, stalledIntervalMs: options.stalledIntervalMs }),
      ),
  );
  try {
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    await dispatcher.enqueue("subtask", { taskId: runId, subtaskId: `${runId}-0` }, { queue: queueName, priority: 605 });
    await finished;
    const gapsMs = started.slice(1).map((start, i) => start - ended[i]!);
    return { perStepMs: (ended[options.steps - 1]! - started[0]!) / options.steps, gapsMs };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await dispatcher.queue(queueName).obliterate({ force: true });
    await dispatcher.close();
    await Promise.all([redis, ...connections].map((connection) => connection.quit()));
  }
}
