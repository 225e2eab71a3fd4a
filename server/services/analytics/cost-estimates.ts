// The plan's cost estimate against what succeeded tasks really cost, per bucket of when they
// finished. Only tasks with an estimate count (a plan fills it; older tasks have none), and only
// succeeded ones, since a failed task stops spending part-way. Read from the hourly rollup (see
// task-outcome-source.ts).
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, splitTotal, toNumber } from "./bucket-sql";
import { taskOutcomeSource } from "./task-outcome-source";

interface Aggregate {
  bucket: Date | null;
  tasks: bigint | null;
  withoutEstimate: bigint | null;
  estimatedMicros: bigint | null;
  actualMicros: bigint | null;
}

function toEstimate(row: Aggregate) {
  const estimatedMicros = row.estimatedMicros ?? 0n;
  const actualMicros = row.actualMicros ?? 0n;
  return {
    tasks: toNumber(row.tasks),
    withoutEstimate: toNumber(row.withoutEstimate),
    estimatedMicros,
    actualMicros,
    /** Actual ÷ estimated over the bucket's tasks: 1.2 means 20 % over the estimate. */
    actualToEstimate: estimatedMicros === 0n ? null : Number(actualMicros) / Number(estimatedMicros),
  };
}

export async function costEstimates(db: Db, range: AnalyticsRange) {
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH rows AS (${bucketsAndTotal(range)}),
    agg AS (
      SELECT x.bucket,
        SUM(x."estimatedTasks")::bigint AS tasks,
        SUM(x.tasks - x."estimatedTasks")::bigint AS "withoutEstimate",
        SUM(x."estimatedMicros")::bigint AS "estimatedMicros",
        SUM(x."estimatedActualMicros")::bigint AS "actualMicros"
      FROM (
        SELECT ${bucketOf(range, Prisma.sql`m.bucket`)} AS bucket, m.tasks, m."estimatedTasks", m."estimatedMicros", m."estimatedActualMicros"
        FROM ${taskOutcomeSource(range)} m WHERE m.status = 'SUCCEEDED'
      ) x
      GROUP BY GROUPING SETS ((x.bucket), ())
    )
    SELECT r.bucket, a.tasks, a."withoutEstimate", a."estimatedMicros", a."actualMicros"
    FROM rows r LEFT JOIN agg a ON a.bucket IS NOT DISTINCT FROM r.bucket
    ORDER BY r.bucket NULLS LAST`);
  return splitTotal(rows, toEstimate);
}
