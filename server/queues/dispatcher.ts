// The only module that adds or removes BullMQ jobs. Callers name a job kind and payload from
// the job catalog; ids derived from the payload make every enqueue idempotent.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { JOB_DEFINITIONS, jobIdFor, type JobKind, type JobPayload } from "../contracts/jobs";

export type JobState = "active" | "waiting" | "delayed" | "prioritized" | "completed" | "failed" | "missing";

export interface Dispatcher {
  /** `delayMs`: the job waits that long before an agent may take it (a retry's backoff). */
  enqueue<K extends JobKind>(kind: K, payload: JobPayload<K>, options: { queue: string; priority?: number; delayMs?: number }): Promise<void>;
  remove(queue: string, kind: JobKind, payload: { taskId: string; subtaskId?: string }): Promise<void>;
  jobState(queue: string, kind: JobKind, payload: { taskId: string; subtaskId?: string }): Promise<JobState>;
  /** Puts an active job whose agent is known to be dead back in line at once (at `priority`, when given), instead of after its lock expires. */
  returnToWaiting(queue: string, kind: JobKind, payload: { taskId: string; subtaskId?: string }, priority?: number): Promise<boolean>;
  /** Jobs waiting to be taken (plain and prioritized), for the autoscaler. */
  waitingCount(queue: string): Promise<number>;
  queue(name: string): Queue;
  close(): Promise<void>;
}

export function createDispatcher(connection: Redis, bullPrefix: string): Dispatcher {
  const queues = new Map<string, Queue>();
  const queue = (name: string) => {
    let existing = queues.get(name);
    if (!existing) {
      const created = new Queue(name, { connection, prefix: bullPrefix });
      created.on("error", () => {});
      // BullMQ keeps the outcome of a queue's first round trip: a queue first used while Redis
      // was away would fail every call for the life of the process. The next call makes a new one.
      created.waitUntilReady().catch(() => {
        if (queues.get(name) === created) queues.delete(name);
      });
      queues.set(name, created);
      existing = created;
    }
    return existing;
  };

  return {
    queue,
    async enqueue(kind, payload, options) {
      const definition = JOB_DEFINITIONS[kind];
      definition.payloadSchema.parse(payload);
      const jobOptions: JobsOptions = {
        jobId: jobIdFor(kind, payload),
        attempts: definition.attempts,
        backoff: { type: "exponential", delay: definition.backoffMs },
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 24 * 3600 },
        ...(options.priority ? { priority: options.priority } : {}),
        ...(options.delayMs ? { delay: options.delayMs } : {}),
      };
      await queue(options.queue).add(kind, payload, jobOptions);
    },
    async remove(queueName, kind, payload) {
      const job = await queue(queueName).getJob(jobIdFor(kind, payload));
      // An active job is locked by its agent; cancellation reaches it through the cancel channel.
      if (job && !(await job.isActive())) await job.remove().catch(() => {});
    },
    async jobState(queueName, kind, payload) {
      const job = await queue(queueName).getJob(jobIdFor(kind, payload));
      if (!job) return "missing";
      const state = await job.getState();
      return state === "unknown" || state === "waiting-children" ? "missing" : (state as JobState);
    },
    async returnToWaiting(queueName, kind, payload, priority) {
      const q = queue(queueName);
      const job = await q.getJob(jobIdFor(kind, payload));
      if (!job || !(await job.isActive())) return false;
      // Passing the dead holder's lock token makes BullMQ release that lock as it moves the job.
      const token = await connection.get(`${q.toKey(job.id!)}:lock`);
      if ((await job.moveToWait(token ?? "0").catch(() => -1)) < 0) return false;
      // An agent may have taken it already; then its place in line no longer matters.
      if (priority !== undefined) await job.changePriority({ priority }).catch(() => {});
      return true;
    },
    async waitingCount(queueName) {
      const counts = await queue(queueName).getJobCounts("waiting", "prioritized");
      return (counts.waiting ?? 0) + (counts.prioritized ?? 0);
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
    },
  };
}
