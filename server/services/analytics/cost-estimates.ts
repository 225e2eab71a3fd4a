// The plan's cost estimate against what succeeded tasks really cost, per bucket of when they
// finished. Only tasks with an estimate count (a plan fills it; older tasks have none), and only
// succeeded ones, since a failed task stops spending part-way.
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, inRange, splitTotal, toNumber } from "./bucket-sql";

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
  const finishedAt = Prisma.sql`t."finishedAt"`;
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH rows AS (${bucketsAndTotal(range)}),
    agg AS (
      SELECT x.bucket,
        COUNT(x.estimated) AS tasks,
        COUNT(*) FILTER (WHERE x.estimated IS NULL) AS "withoutEstimate",
        SUM(x.estimated)::bigint AS "estimatedMicros",
        (SUM(x.actual) FILTER (WHERE x.estimated IS NOT NULL))::bigint AS "actualMicros"
      FROM (
        SELECT ${bucketOf(range, finishedAt)} AS bucket, t."estimatedCostMicros" AS estimated, t."costMicros" AS actual FROM "Task" t
        WHERE ${inRange(range, finishedAt)} AND t.status = 'SUCCEEDED'
      ) x
      GROUP BY GROUPING SETS ((x.bucket), ())
    )
    SELECT r.bucket, a.tasks, a."withoutEstimate", a."estimatedMicros", a."actualMicros"
    FROM rows r LEFT JOIN agg a ON a.bucket IS NOT DISTINCT FROM r.bucket
    ORDER BY r.bucket NULLS LAST`);
  return splitTotal(rows, toEstimate);
}
