// One plain BullMQ worker process for the baselines in raw-queue.ts: it reports when each job
// starts and ends (machine-wide monotonic clock), and in "writes" mode does the job's reference
// PostgreSQL writes (reference-writes.ts) in between; in "writes+model" mode it then also makes a
// subtask's model call (reference-model-call.ts, settings in RAW_MODEL as JSON); in "graph" mode
// it runs a node of a task graph and queues the dependents it readies (reference-graph.ts).
import { Queue, Worker } from "bullmq";
import { createRedis } from "../../server/create-redis";
import { monotonicMs } from "./report";
import { subtaskJobOptions } from "./raw-queue";

export type RawWorkerMode = "empty" | "writes" | "writes+model" | "graph";
export interface RawWorkerMessage {
  /** "claimed" and "recording" come from "graph" mode only (reference-graph.ts). */
  type: "ready" | "started" | "claimed" | "recording" | "finished";
  id: string;
  atMs: number;
  /** The worker process's id. */
  pid: number;
}

const send = (message: Omit<RawWorkerMessage, "pid">) => process.send?.({ ...message, pid: process.pid });
const mode = process.env.RAW_MODE as RawWorkerMode;
const connection = createRedis(process.env.REDIS_URL!, "blocking");
const writer = mode === "writes" || mode === "writes+model" ? await (await import("./reference-writes")).createReferenceWriter(process.env.DATABASE_URL!) : null;
const callModel = mode === "writes+model" || mode === "graph" ? (await import("./reference-model-call")).createReferenceModelCall(JSON.parse(process.env.RAW_MODEL!)) : null;
const commands = mode === "graph" ? createRedis(process.env.REDIS_URL!) : null;
const graphQueue = commands ? new Queue(process.env.RAW_QUEUE!, { connection: commands, prefix: process.env.RAW_BULL_PREFIX! }) : null;
const graph =
  commands && graphQueue && callModel
    ? (await import("./reference-graph")).createGraphStep({
        databaseUrl: process.env.DATABASE_URL!,
        redis: commands,
        queue: graphQueue,
        prefix: process.env.RAW_BULL_PREFIX!,
        jobOptions: subtaskJobOptions,
        callModel,
        mark: (type, id) => send({ type, id, atMs: monotonicMs() }),
      })
    : null;

const worker = new Worker(
  process.env.RAW_QUEUE!,
  async (job) => {
    send({ type: "started", id: job.id!, atMs: monotonicMs() });
    if (graph) await graph.run(job.data as never);
    else {
      if (writer) await writer.run(job.data as never);
      if (callModel) await callModel(job.id!);
    }
    send({ type: "finished", id: job.id!, atMs: monotonicMs() });
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
await worker.waitUntilReady();
send({ type: "ready", id: String(process.pid), atMs: monotonicMs() });

process.on("SIGTERM", async () => {
  await worker.close();
  await connection.quit();
  await writer?.close();
  await graph?.close();
  await graphQueue?.close();
  await commands?.quit();
  process.exit(0);
});
