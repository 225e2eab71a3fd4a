// One plain BullMQ worker process for the baselines in raw-queue.ts: it reports when each job
// starts and ends (machine-wide monotonic clock), and in "writes" mode does the job's reference
// PostgreSQL writes (reference-writes.ts) in between; in "writes+model" mode it then also makes a
// subtask's model call (reference-model-call.ts, settings in RAW_MODEL as JSON).
import { Worker } from "bullmq";
import { createRedis } from "../../server/create-redis";
import { monotonicMs } from "./report";

export type RawWorkerMode = "empty" | "writes" | "writes+model";
export interface RawWorkerMessage {
  type: "ready" | "started" | "finished";
  id: string;
  atMs: number;
}

const send = (message: RawWorkerMessage) => process.send?.(message);
const mode = process.env.RAW_MODE as RawWorkerMode;
const connection = createRedis(process.env.REDIS_URL!, "blocking");
const writer = mode === "empty" ? null : await (await import("./reference-writes")).createReferenceWriter(process.env.DATABASE_URL!);
const callModel = mode === "writes+model" ? (await import("./reference-model-call")).createReferenceModelCall(JSON.parse(process.env.RAW_MODEL!)) : null;

const worker = new Worker(
  process.env.RAW_QUEUE!,
  async (job) => {
    send({ type: "started", id: job.id!, atMs: monotonicMs() });
    if (writer) await writer.run(job.data as never);
    if (callModel) await callModel(job.id!);
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
  process.exit(0);
});
