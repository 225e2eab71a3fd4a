// Plain BullMQ baselines: a queue and N worker processes with the settings agent processes use
// (one job at a time, the same lock and stall settings and job options), so a benchmark can put
// the pipeline's figure beside what BullMQ alone costs on the same Redis, in the same run.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Queue, type JobsOptions } from "bullmq";
import { createRedis } from "../../server/create-redis";
import { JOB_DEFINITIONS } from "../../server/contracts/jobs";
import { bullPriority } from "../../server/services/orchestration/advance";
import type { RawWorkerMessage, RawWorkerMode } from "./raw-worker";
import type { ReferenceModel } from "./reference-model-call";

export interface RawQueue {
  add(id: string, data: Record<string, unknown>): Promise<void>;
  /** Adds the jobs at once, as the dispatcher adds the subtasks an advance readies; a job's priority is BullMQ's. */
  addMany(jobs: { id: string; data: Record<string, unknown>; priority: number }[]): Promise<void>;
  /** Resolves when a worker has started the job (its monotonic time) and when it has finished it. */
  started(id: string): Promise<number>;
  finished(id: string): Promise<number>;
  /** Resolves with a job's message of that type: when, and which worker. */
  message(type: RawWorkerMessage["type"], id: string): Promise<RawWorkerMessage>;
  /** Resolves when no job is waiting, delayed or running (a retried one included). */
  drained(): Promise<void>;
  close(): Promise<void>;
  /** The worker processes' ids. */
  pids: number[];
  /** The queue's BullMQ prefix, under which a benchmark may keep keys of its own. */
  bullPrefix: string;
}

/** The options the dispatcher gives a subtask job of a default-priority task and subtask. */
export function subtaskJobOptions(jobId: string): JobsOptions {
  const definition = JOB_DEFINITIONS.subtask;
  return {
    jobId,
    attempts: definition.attempts,
    backoff: { type: "exponential", delay: definition.backoffMs },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 24 * 3600 },
    priority: bullPriority(5, 5),
  };
}

export async function startRawQueue(options: {
  prefix: string;
  workers: number;
  mode: RawWorkerMode;
  /** For "writes+model": where and how each job makes its model call. */
  model?: ReferenceModel;
  lockDurationMs: number;
  stalledIntervalMs: number;
}): Promise<RawQueue> {
  const connection = createRedis(process.env.REDIS_URL!);
  const queueName = "raw-baseline";
  const bullPrefix = `${options.prefix}:raw-bull`;
  const queue = new Queue(queueName, { connection, prefix: bullPrefix });
  const waiters = new Map<string, { resolve: (message: RawWorkerMessage) => void; reject: (error: Error) => void }>();
  const seen = new Map<string, RawWorkerMessage>();
  const key = (kind: string, id: string) => `${kind}:${id}`;
  // A failed job or a worker gone ends every wait: a benchmark never waits forever on a job that will not finish.
  let fatal: Error | null = null;
  const fail = (error: Error) => {
    fatal ??= error;
    for (const waiter of waiters.values()) waiter.reject(fatal);
    waiters.clear();
  };
  const onMessage = (message: RawWorkerMessage) => {
    if (message.type === "failed") return fail(new Error(`reference job ${message.id} failed: ${message.error}`));
    const k = key(message.type, message.id);
    const waiter = waiters.get(k);
    if (waiter) {
      waiters.delete(k);
      waiter.resolve(message);
    } else seen.set(k, message);
  };
  const messageOf = (kind: string, id: string) =>
    new Promise<RawWorkerMessage>((resolve, reject) => {
      const k = key(kind, id);
      const early = seen.get(k);
      if (early !== undefined) {
        seen.delete(k);
        resolve(early);
      } else if (fatal) reject(fatal);
      else if (waiters.has(k)) reject(new Error(`a second wait for ${k}`));
      else waiters.set(k, { resolve, reject });
    });
  let closing = false;

  const children: ChildProcess[] = [];
  for (let i = 0; i < options.workers; i++) {
    const child = fork(path.join(import.meta.dirname, "raw-worker.ts"), [], {
      execArgv: ["--import", "tsx"],
      env: {
        ...process.env,
        RAW_QUEUE: queueName,
        RAW_BULL_PREFIX: bullPrefix,
        RAW_MODE: options.mode,
        RAW_MODEL: JSON.stringify(options.model ?? null),
        RAW_LOCK_DURATION_MS: String(options.lockDurationMs),
        RAW_STALLED_INTERVAL_MS: String(options.stalledIntervalMs),
      },
    });
    child.on("message", (message) => onMessage(message as RawWorkerMessage));
    child.once("exit", (code, signal) => closing || fail(new Error(`a reference worker exited (${signal ?? `code ${code}`})`)));
    children.push(child);
  }
  const wait = (kind: string, id: string) => messageOf(kind, id).then((m) => m.atMs);
  await Promise.all(children.map((child) => wait("ready", String(child.pid))));

  return {
    pids: children.map((child) => child.pid!),
    bullPrefix,
    async add(id, data) {
      await queue.add("subtask", data, subtaskJobOptions(id));
    },
    async addMany(jobs) {
      await queue.addBulk(jobs.map(({ id, data, priority }) => ({ name: "subtask", data, opts: { ...subtaskJobOptions(id), priority } })));
    },
    started: (id) => wait("started", id),
    finished: (id) => wait("finished", id),
    message: messageOf,
    async drained() {
      for (;;) {
        const counts = await queue.getJobCounts("active", "waiting", "delayed", "prioritized");
        if (Object.values(counts).every((n) => n === 0)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      closing = true;
      // A worker closes once its job has ended; one whose job never ends is killed after a grace period.
      await Promise.all(
        children.map((child) => new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(null);
          const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.once("exit", () => resolve(clearTimeout(kill)));
          child.kill("SIGTERM");
        })),
      );
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      await connection.quit();
    },
  };
}
