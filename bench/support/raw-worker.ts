// One plain BullMQ worker process for the baselines in raw-queue.ts: it reports when each job
// starts and ends (machine-wide monotonic clock), and in "writes" mode does the job's reference
// PostgreSQL writes (reference-writes.ts) in between; in "writes+model" mode it then also makes a
// subtask's model call (reference-model-call.ts, settings in RAW_MODEL as JSON); in "graph" mode
// it runs a node of a task graph and queues the dependents it readies (reference-graph.ts).
import { Worker } from "bullmq";
import { createRedis } from "../../server/create-redis";
import { monotonicMs } from "./report";

export type RawWorkerMode = "empty" | "writes" | "writes+model" | "graph";
export interface RawWorkerMessage {
  /** "claimed" and "recorded" come from "graph" mode only (reference-graph.ts); "failed" ends the benchmark. */
  type: "ready" | "started" | "claimed" | "recorded" | "finished" | "failed";
  id: string;
  /** When, on the machine-wide monotonic clock and on the wall clock. */
  atMs: number;
  wallMs: number;
  /** The worker process's id. */
  pid: number;
  error?: string;
}

const send = (type: RawWorkerMessage["type"], id: string, error?: string) =>
  process.send?.({ type, id, atMs: monotonicMs(), wallMs: Date.now(), pid: process.pid, error } satisfies RawWorkerMessage);
const mode = process.env.RAW_MODE as RawWorkerMode;
const connection = createRedis(process.env.REDIS_URL!, "blocking");
const writer = mode === "writes" || mode === "writes+model" ? await (await import("./reference-writes")).createReferenceWriter(process.env.DATABASE_URL!) : null;
const callModel = mode === "writes+model" || mode === "graph" ? (await import("./reference-model-call")).createReferenceModelCall(JSON.parse(process.env.RAW_MODEL!)) : null;
const graph =
  mode === "graph" && callModel
    ? (await import("./reference-graph")).createGraphStep({
        databaseUrl: process.env.DATABASE_URL!,
        redisUrl: process.env.REDIS_URL!,
        queueName: process.env.RAW_QUEUE!,
        prefix: process.env.RAW_BULL_PREFIX!,
        callModel,
        mark: send,
      })
    : null;

const worker = new Worker(
  process.env.RAW_QUEUE!,
  async (job) => {
    send("started", job.id!);
    if (graph) await graph.run(job.data as never);
    else {
      if (writer) await writer.run(job.data as never);
      if (callModel) await callModel(job.id!);
    }
    send("finished", job.id!);
  },
  {
    connection,
    prefix: process.env.RAW_BULL_PREFIX!,
    concurrency: 1,
    lockDuration: Number(process.env.RAW_LOCK_DURATION_MS),
    stalledInterval: Number(process.env.RAW_STALLED_INTERVAL_MS),
    maxStalledCount: 2,
  },
);
worker.on("error", (error) => console.error(`raw worker: ${error.message}`));
// A retried job would count its backoff, and a graph's dependents would be counted down twice.
worker.on("failed", (job, error) => send("failed", job?.id ?? "?", error.message));
await worker.waitUntilReady();
send("ready", String(process.pid));

process.on("SIGTERM", async () => {
  await worker.close();
  await connection.quit();
  await writer?.close();
  await graph?.close();
  process.exit(0);
});
