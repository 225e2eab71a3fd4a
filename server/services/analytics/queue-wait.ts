// How long subtasks waited for an agent: queued (dependencies done, job added) to first claimed,
// p50 and p95 per bucket of when an agent took them.
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, inRange, millisBetween, splitTotal, toNumber } from "./bucket-sql";

interface Aggregate {
  bucket: Date | null;
  count: bigint | null;
  p50: number | null;
  p95: number | null;
}

const toWait = (row: Aggregate) => ({ count: toNumber(row.count), p50Ms: row.p50, p95Ms: row.p95 });

export async function queueWait(db: Db, range: AnalyticsRange) {
  const startedAt = Prisma.sql`s."startedAt"`;
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH rows AS (${bucketsAndTotal(range)}),
    agg AS (
      SELECT x.bucket, COUNT(*) AS count,
        round(percentile_cont(0.5) WITHIN GROUP (ORDER BY x.ms)) AS p50,
        round(percentile_cont(0.95) WITHIN GROUP (ORDER BY x.ms)) AS p95
      FROM (
        SELECT ${bucketOf(range, startedAt)} AS bucket, ${millisBetween(Prisma.sql`s."queuedAt"`, startedAt)} AS ms FROM "Subtask" s
        WHERE ${inRange(range, startedAt)} AND s."queuedAt" IS NOT NULL
      ) x
      GROUP BY GROUPING SETS ((x.bucket), ())
    )
    SELECT r.bucket, a.count, a.p50, a.p95
    FROM rows r LEFT JOIN agg a ON a.bucket IS NOT DISTINCT FROM r.bucket
    ORDER BY r.bucket NULLS LAST`);
  return splitTotal(rows, toWait);
}
