// The makespan benchmark's reference: the same graph on plain BullMQ worker processes that do, per
// subtask, only what any durable orchestrator on this stack must — record the claim and the result
// in PostgreSQL, and make the model call with the subtask's simulated work — and ready dependents
// with one atomic Redis decrement each instead of Baton's advance. No log lines, live events,
// budget checks or supervision. Its makespan against the zero-overhead simulation is what BullMQ,
// PostgreSQL and the model calls alone cost on this machine, whatever the orchestration around them.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { createDatabase, type Db } from "../../server/db/create-prisma";
import { bullPriority } from "../../server/services/orchestration/advance";
import type { RawQueue } from "./raw-queue";
import { monotonicMs } from "./report";
import type { DagNode } from "./schedule-sim";

export interface GraphJob {
  /** This pass's key: its job ids and dependency counters start with it. */
  run: string;
  node: number;
  /** The graph's subtask rows, by node. */
  subtaskIds: string[];
  nodes: DagNode[];
}

export const graphJobId = (run: string, node: number) => `${run}-${node}`;
/** The number of a node's dependencies not yet finished, counted down as they finish. */
export const waitingKey = (prefix: string, run: string, node: number) => `${prefix}:graph:${run}:${node}`;
/** The queue priority Baton gives a subtask of a default-priority task. */
export const graphPriority = (node: DagNode) => bullPriority(5, node.priority);

export function createGraphStep(options: {
  databaseUrl: string;
  redis: Redis;
  queue: Queue;
  prefix: string;
  jobOptions: (jobId: string) => JobsOptions;
  callModel: (jobId: string, workMs: number) => Promise<void>;
  /** Called as the job's claim has been recorded, and as its result is about to be. */
  mark: (event: "claimed" | "recording", jobId: string) => void;
}) {
  // The plain SQL path the agents' claims and completions take, not Prisma's raw queries.
  const { db, sql } = createDatabase(options.databaseUrl, { max: 3 });
  return {
    async run(job: GraphJob): Promise<void> {
      const id = job.subtaskIds[job.node]!;
      const jobId = graphJobId(job.run, job.node);
      await sql.execute`UPDATE "Subtask" SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = now(), "updatedAt" = now() WHERE id = ${id}`;
      options.mark("claimed", jobId);
      await options.callModel(jobId, job.nodes[job.node]!.workMs);
      options.mark("recording", jobId);
      await sql.execute`UPDATE "Subtask" SET status = 'SUCCEEDED', summary = 'Done.', "finishedAt" = now(), "updatedAt" = now() WHERE id = ${id}`;
      const dependents = job.nodes.flatMap((node, i) => (node.dependsOn.includes(job.node) ? [i] : []));
      if (dependents.length === 0) return;
      const multi = options.redis.multi();
      for (const node of dependents) multi.decr(waitingKey(options.prefix, job.run, node));
      const counts = (await multi.exec())!.map(([error, count]) => {
        if (error) throw error;
        return count as number;
      });
      const ready = dependents.filter((_, i) => counts[i] === 0);
      await options.queue.addBulk(
        ready.map((node) => ({
          name: "subtask",
          data: { ...job, node },
          opts: { ...options.jobOptions(graphJobId(job.run, node)), priority: graphPriority(job.nodes[node]!) },
        })),
      );
    },
    close: () => db.$disconnect(),
  };
}

/**
 * Runs one graph on the reference's workers (a RawQueue in "graph" mode): its subtask rows and
 * dependency counters written first, then its roots added at once. Resolves with the run's key, when
 * the roots were added and when each node's job finished (monotonic ms).
 */
export async function runReferenceGraph(raw: RawQueue, deps: { db: Db; redis: Redis }, name: string, nodes: DagNode[]) {
  const run = `graph-${name.replace(/\W+/g, "-")}-${Date.now()}`;
  const task = await deps.db.task.create({ data: { title: `Reference graph ${name}`, prompt: "reference", status: "RUNNING" } });
  const subtaskIds = nodes.map((_, i) => `${run}-${i}`);
  await deps.db.subtask.createMany({
    data: nodes.map((node, index) => ({ id: subtaskIds[index]!, taskId: task.id, index, title: `Node ${index + 1}`, instructions: "reference", capabilities: ["code"], priority: node.priority, status: "QUEUED" as const })),
  });
  const counters = deps.redis.multi();
  nodes.forEach((node, i) => node.dependsOn.length > 0 && counters.set(waitingKey(raw.bullPrefix, run, i), node.dependsOn.length, "EX", 3600));
  await counters.exec();
  const roots = nodes.flatMap((node, i) => (node.dependsOn.length === 0 ? [i] : []));
  const addedAt = monotonicMs();
  await raw.addMany(roots.map((node) => ({ id: graphJobId(run, node), data: { run, node, subtaskIds, nodes } satisfies GraphJob, priority: graphPriority(nodes[node]!) })));
  const finishedAt = await Promise.all(nodes.map((_, node) => raw.finished(graphJobId(run, node))));
  return { run, addedAt, finishedAt };
}
