// Everything /api/metrics reports, read at scrape time from where the fleet keeps it: PostgreSQL
// (tasks, subtasks, agent processes, model calls — written by agents and daemons on every host),
// BullMQ's queues and the reconciler's counters in Redis. Nothing is counted in the web
// process's memory, so any web replica answers for the whole installation, and a scrape never
// misses what happened in another process.
import type { Redis } from "ioredis";
import { LIVE_AGENT_STATES } from "../../contracts/agent-state";
import type { Db } from "../../db/create-prisma";
import type { Dispatcher } from "../../queues/dispatcher";
import type { RedisKeys } from "../../redis-keys";
import type { ReconcileReport } from "../orchestration/reconcile";
import { readRepairs } from "./reconciler-repairs";

/** Upper bounds (seconds) of the subtask duration histogram. */
export const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];
/** Upper bounds (seconds) of the queue wait histogram. */
export const WAIT_BUCKETS = [0.1, 0.5, 1, 5, 15, 30, 60, 300, 900, 3600];

export interface HistogramSeries {
  labels: Record<string, string>;
  /** Cumulative: observations at or below each bound, in the order of the bounds. */
  buckets: number[];
  count: number;
  sum: number;
}

export interface MetricsSnapshot {
  queues: { profile: string; waiting: number; oldestQueuedSeconds: number }[];
  queueWait: HistogramSeries[];
  subtaskDuration: HistogramSeries[];
  subtasksFinished: { status: string; count: number }[];
  tasks: { status: string; count: number }[];
  agents: { profile: string; state: string; count: number }[];
  agentsEnded: { profile: string; state: string; count: number }[];
  modelUsage: { model: string; profile: string; calls: number; inputTokens: number; outputTokens: number; cacheWriteTokens: number; cacheReadTokens: number; costMicros: bigint }[];
  repairs: Record<keyof ReconcileReport, number>;
}

export interface MetricsDeps {
  db: Db;
  redis: Redis;
  keys: RedisKeys;
  dispatcher: Dispatcher;
}

const FINISHED_SUBTASK = ["SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED"];
const NO_PROFILE = "none";

/**
 * One histogram from subtask rows, computed in PostgreSQL: `labels` is a SQL expression giving
 * the series' label object, `seconds` the observed value, `where` which rows count.
 */
async function readHistogram(db: Db, query: { labels: string; seconds: string; where: string; bounds: number[] }): Promise<HistogramSeries[]> {
  const from = `FROM "Subtask" s LEFT JOIN "AgentProfile" p ON p.id = s."profileId"`;
  const key = `(${query.labels})::text`;
  const [buckets, totals] = await Promise.all([
    db.$queryRawUnsafe<{ key: string; le: number; n: bigint }[]>(
      `SELECT ${key} AS key, b.le, count(*) FILTER (WHERE ${query.seconds} <= b.le) AS n ${from} CROSS JOIN unnest($1::float8[]) AS b(le) WHERE ${query.where} GROUP BY 1, 2`,
      query.bounds,
    ),
    db.$queryRawUnsafe<{ key: string; n: bigint; sum: number }[]>(`SELECT ${key} AS key, count(*) AS n, coalesce(sum(${query.seconds}), 0)::float8 AS sum ${from} WHERE ${query.where} GROUP BY 1`),
  ]);
  return totals.map((total) => ({
    labels: JSON.parse(total.key) as Record<string, string>,
    buckets: query.bounds.map((le) => Number(buckets.find((row) => row.key === total.key && row.le === le)?.n ?? 0)),
    count: Number(total.n),
    sum: total.sum,
  }));
}

const profileLabel = `coalesce(p.name, '${NO_PROFILE}')`;

/** How long each finished run took (its last attempt), by profile and outcome. */
const readSubtaskDurations = (db: Db) =>
  readHistogram(db, {
    labels: `json_build_object('profile', ${profileLabel}, 'status', s.status::text)`,
    seconds: `extract(epoch FROM s."finishedAt" - s."startedAt")::float8`,
    where: `s.status IN ('SUCCEEDED', 'FAILED') AND s."startedAt" IS NOT NULL AND s."finishedAt" >= s."startedAt"`,
    bounds: DURATION_BUCKETS,
  });

/** How long each started subtask waited in its profile's queue. */
const readQueueWaits = (db: Db) =>
  readHistogram(db, {
    labels: `json_build_object('profile', ${profileLabel})`,
    seconds: `extract(epoch FROM s."startedAt" - s."queuedAt")::float8`,
    where: `s."queuedAt" IS NOT NULL AND s."startedAt" >= s."queuedAt"`,
    bounds: WAIT_BUCKETS,
  });

export async function readMetrics(deps: MetricsDeps, now = Date.now()): Promise<MetricsSnapshot> {
  const { db } = deps;
  const profiles = await db.agentProfile.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const profileName = (id: string | null) => profiles.find((p) => p.id === id)?.name ?? NO_PROFILE;

  const [waiting, oldest, queueWait, subtaskDuration, finished, tasks, agents, usage, repairs] = await Promise.all([
    Promise.all(profiles.map((p) => deps.dispatcher.waitingCount(deps.keys.agentQueue(p.name)))),
    db.subtask.groupBy({ by: ["profileId"], where: { status: "QUEUED" }, _min: { queuedAt: true } }),
    readQueueWaits(db),
    readSubtaskDurations(db),
    db.subtask.groupBy({ by: ["status"], where: { status: { in: FINISHED_SUBTASK as never[] } }, _count: true }),
    db.task.groupBy({ by: ["status"], _count: true }),
    db.agentProcess.groupBy({ by: ["profileId", "state"], _count: true }),
    // The daily rollup holds every call once (kept by triggers), a few rows per day instead of every call.
    db.modelCallRollup.groupBy({
      by: ["model", "profileId"],
      where: { granularity: "day" },
      _sum: { calls: true, inputTokens: true, outputTokens: true, cacheWriteTokens: true, cacheReadTokens: true, costMicros: true },
    }),
    readRepairs(deps.redis, deps.keys.reconcilerRepairs),
  ]);

  const live = new Set<string>(LIVE_AGENT_STATES);
  const byProfileState = (rows: typeof agents) => rows.map((row) => ({ profile: profileName(row.profileId), state: row.state as string, count: row._count }));
  return {
    queues: profiles.map((p, i) => {
      const since = oldest.find((row) => row.profileId === p.id)?._min.queuedAt;
      return { profile: p.name, waiting: waiting[i]!, oldestQueuedSeconds: since ? Math.max(0, (now - since.getTime()) / 1000) : 0 };
    }),
    queueWait,
    subtaskDuration,
    subtasksFinished: FINISHED_SUBTASK.map((status) => ({ status, count: finished.find((row) => row.status === status)?._count ?? 0 })),
    tasks: tasks.map((row) => ({ status: row.status, count: row._count })),
    // Every profile and live state, zeros included, so a series does not vanish when it empties.
    agents: profiles.flatMap((p) =>
      LIVE_AGENT_STATES.map((state) => ({ profile: p.name, state, count: agents.find((row) => row.profileId === p.id && row.state === state)?._count ?? 0 })),
    ),
    agentsEnded: byProfileState(agents.filter((row) => !live.has(row.state))),
    modelUsage: usage.map((row) => ({
      model: row.model,
      profile: profileName(row.profileId || null),
      calls: Number(row._sum.calls ?? 0n),
      inputTokens: Number(row._sum.inputTokens ?? 0n),
      outputTokens: Number(row._sum.outputTokens ?? 0n),
      cacheWriteTokens: Number(row._sum.cacheWriteTokens ?? 0n),
      cacheReadTokens: Number(row._sum.cacheReadTokens ?? 0n),
      costMicros: row._sum.costMicros ?? 0n,
    })),
    repairs,
  };
}
