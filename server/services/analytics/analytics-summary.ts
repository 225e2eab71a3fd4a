// The headline numbers of a range: tasks finished and how, the success rate, and what the model
// calls cost (from the hourly rollups of tasks and model calls, exact at any range's ends). The overview shows them for the last 24 hours; the analytics page above its charts.
import { Prisma, type Db } from "../../db/create-prisma";
import type { AnalyticsRange } from "./analytics-range";
import { toNumber } from "./bucket-sql";
import { modelCallSource } from "./model-call-source";
import { runAggregate } from "./run-aggregate";
import { taskOutcomeSource } from "./task-outcome-source";
import { successRate } from "./task-outcomes";

interface Aggregate {
  succeeded: bigint;
  failed: bigint;
  cancelled: bigint;
  calls: bigint | null;
  tokens: bigint | null;
  costMicros: bigint | null;
}

export async function analyticsSummary(db: Db, range: Pick<AnalyticsRange, "from" | "to">) {
  const [row] = await runAggregate<Aggregate>(db, Prisma.sql`
    SELECT tasks.succeeded, tasks.failed, tasks.cancelled, calls.calls, calls.tokens, calls."costMicros"
    FROM (
      SELECT COALESCE(SUM(t.tasks) FILTER (WHERE t.status = 'SUCCEEDED'), 0)::bigint AS succeeded,
        COALESCE(SUM(t.tasks) FILTER (WHERE t.status = 'FAILED'), 0)::bigint AS failed,
        COALESCE(SUM(t.tasks) FILTER (WHERE t.status = 'CANCELLED'), 0)::bigint AS cancelled
      FROM ${taskOutcomeSource(range)} t
    ) tasks, (
      SELECT SUM(m.calls) AS calls, SUM(m."inputTokens" + m."outputTokens" + m."cacheReadTokens" + m."cacheWriteTokens") AS tokens,
        SUM(m."costMicros")::bigint AS "costMicros"
      FROM ${modelCallSource(range, "day")} m
    ) calls`);
  const succeeded = toNumber(row!.succeeded);
  const failed = toNumber(row!.failed);
  const cancelled = toNumber(row!.cancelled);
  return {
    finished: succeeded + failed + cancelled,
    succeeded,
    failed,
    cancelled,
    successRate: successRate(succeeded, failed),
    calls: toNumber(row!.calls),
    tokens: toNumber(row!.tokens),
    costMicros: row!.costMicros ?? 0n,
  };
}
