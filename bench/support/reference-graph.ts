// The graph reference of bench:makespan and bench:dispatch: the same graph on plain BullMQ worker
// processes, each job a subtask that records its claim (one UPDATE), makes its model call with the
// subtask's simulated work, records its result (one UPDATE), then queues the dependents it readied:
// at once for a dependent of this subtask alone, through one atomic Redis countdown for the others.
// Nothing else: no log lines, live events, budget checks, supervision or usage rows, and it is if
// anything cheaper than a durable orchestrator could be (its claim reads no inputs, its writes are
// not fenced by attempt). Where it misses a goal, the stack's parts miss it on that machine.
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { createRedis } from "../../server/create-redis";
import { createDatabase, type Db } from "../../server/db/create-prisma";
import { bullPriority } from "../../server/services/orchestration/advance";
import { startRawQueue, subtaskJobOptions, type RawQueue } from "./raw-queue";
import { generalistModel } from "./reference-model-call";
import { startSimProcess } from "./sim-process";
import type { DagNode } from "./schedule-sim";

export interface GraphJob {
  /** This pass's key: its job ids, subtask ids and dependency counters start with it. */
  run: string;
  node: number;
  nodes: DagNode[];
}

/** A node's job id, which is also its subtask row's id. */
export const graphJobId = (run: string, node: number) => `${run}-${node}`;
/** For a node with several dependencies, how many have not finished yet, counted down as they finish. */
export const waitingKey = (prefix: string, run: string, node: number) => `${prefix}:graph:${run}:${node}`;
/** The queue priority Baton gives a subtask of a default-priority task. */
export const graphPriority = (node: DagNode) => bullPriority(5, node.priority);
const dependencyCount = (node: DagNode) => new Set(node.dependsOn).size;
/** A chain of `steps` zero-work nodes, each depending on the one before, as Baton's benchmark chains. */
export const zeroWorkChain = (steps: number): DagNode[] => Array.from({ length: steps }, (_, i) => ({ workMs: 0, priority: 5, dependsOn: i === 0 ? [] : [i - 1] }));
/** A graph still running after this ends its benchmark with the nodes it is missing, rather than a wait without end. */
const GRAPH_DEADLINE_MS = 60_000;

/** A worker's side: runs one node's job (raw-worker.ts, "graph" mode), on connections of its own. */
export function createGraphStep(options: {
  databaseUrl: string;
  redisUrl: string;
  queueName: string;
  /** The queue's BullMQ prefix; the countdowns' keys live under it. */
  prefix: string;
  callModel: (jobId: string, workMs: number) => Promise<void>;
  /** Called once the job's claim has been recorded, and once its result has. */
  mark: (event: "claimed" | "recorded", jobId: string) => void;
}) {
  // The plain SQL path the agents' claims and completions take, not Prisma's raw queries.
  const { db, sql } = createDatabase(options.databaseUrl, { max: 3 });
  const redis = createRedis(options.redisUrl);
  const queue = new Queue(options.queueName, { connection: redis, prefix: options.prefix });
  return {
    async run(job: GraphJob): Promise<void> {
      const { run, node, nodes } = job;
      const id = graphJobId(run, node);
      await sql.execute`UPDATE "Subtask" SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = now(), "updatedAt" = now() WHERE id = ${id}`;
      options.mark("claimed", id);
      await options.callModel(id, nodes[node]!.workMs);
      await sql.execute`UPDATE "Subtask" SET status = 'SUCCEEDED', summary = 'Done.', "finishedAt" = now(), "updatedAt" = now() WHERE id = ${id}`;
      options.mark("recorded", id);
      const dependents = nodes.flatMap((n, i) => (n.dependsOn.includes(node) ? [i] : []));
      // A dependent of this node alone is ready now; one with others is ready when its count reaches zero.
      const joins = dependents.filter((i) => dependencyCount(nodes[i]!) > 1);
      const ready = dependents.filter((i) => dependencyCount(nodes[i]!) === 1);
      if (joins.length > 0) {
        const multi = redis.multi();
        for (const i of joins) multi.decr(waitingKey(options.prefix, run, i));
        const counts = (await multi.exec())!.map(([error, count]) => {
          if (error) throw error;
          return count as number;
        });
        ready.push(...joins.filter((_, k) => counts[k] === 0));
      }
      // In index order, as advance() queues the subtasks a completion readies.
      ready.sort((a, b) => a - b);
      if (ready.length === 0) return;
      await queue.addBulk(
        ready.map((i) => ({ name: "subtask", data: { run, node: i, nodes } satisfies GraphJob, opts: { ...subtaskJobOptions(graphJobId(run, i)), priority: graphPriority(nodes[i]!) } })),
      );
    },
    async close() {
      await queue.close();
      await redis.quit();
      await db.$disconnect();
    },
  };
}

/**
 * The benchmark's side: `workers` reference workers in "graph" mode, with the agents' lock
 * settings, calling a simulated Claude of their own with the generalist profile's settings.
 */
export async function startGraphReference(deps: { db: Db; prefix: string }, options: { workers: number; lockDurationMs: number; stalledIntervalMs: number }) {
  const sim = await startSimProcess();
  try {
    const raw = await startRawQueue({ prefix: deps.prefix, mode: "graph", model: await generalistModel(deps.db, sim.url), ...options });
    return {
      raw,
      async close() {
        await raw.close();
        await sim.stop();
      },
    };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}

/**
 * Runs one graph on the reference's workers (a RawQueue in "graph" mode): its subtask rows and
 * dependency counters written first, then its roots added at once. Resolves with the run's key,
 * its makespan (the roots' add → the last result recorded) and its span (the first claim → the
 * last result, as Baton's chains are timed), both timed as Baton's are (wall clock, the results'
 * own `finishedAt`).
 */
export async function runReferenceGraph(raw: RawQueue, deps: { db: Db; redis: Redis }, name: string, nodes: DagNode[]) {
  const run = `graph-${name.replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}`;
  const task = await deps.db.task.create({ data: { title: `Reference graph ${name}`, prompt: "reference", status: "RUNNING" } });
  await deps.db.subtask.createMany({
    data: nodes.map((node, index) => ({ id: graphJobId(run, index), taskId: task.id, index, title: `Node ${index + 1}`, instructions: "reference", capabilities: ["code"], priority: node.priority, status: "QUEUED" as const })),
  });
  const counters = deps.redis.multi();
  nodes.forEach((node, i) => dependencyCount(node) > 1 && counters.set(waitingKey(raw.bullPrefix, run, i), dependencyCount(node), "EX", 3600));
  await counters.exec();
  const roots = nodes.flatMap((node, i) => (node.dependsOn.length === 0 ? [i] : []));
  const addedAt = Date.now();
  await raw.addMany(roots.map((node) => ({ id: graphJobId(run, node), data: { run, node, nodes } satisfies GraphJob, priority: graphPriority(nodes[node]!) })));
  const done = new Set<number>();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reference graph ${name}: nodes ${nodes.flatMap((_, i) => (done.has(i) ? [] : [i])).join(", ")} not finished after ${GRAPH_DEADLINE_MS / 1000} s`)), GRAPH_DEADLINE_MS);
  });
  try {
    await Promise.race([Promise.all(nodes.map((_, node) => raw.finished(graphJobId(run, node)).then(() => done.add(node)))), deadline]);
  } finally {
    clearTimeout(timer);
  }
  const { _min, _max } = await deps.db.subtask.aggregate({ where: { taskId: task.id }, _min: { startedAt: true }, _max: { finishedAt: true } });
  const lastResult = _max.finishedAt!.getTime();
  return { run, makespanMs: lastResult - addedAt, spanMs: lastResult - _min.startedAt!.getTime() };
}
