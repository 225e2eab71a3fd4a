// Tasks that ended in each bucket (from the hourly rollup, see task-outcome-source.ts), by how they ended, and the success rate: succeeded ÷
// (succeeded + failed). Cancelled tasks are counted but left out of the rate, since a person
// stopped them rather than the fleet failing them.
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, splitTotal, toNumber } from "./bucket-sql";
import { taskOutcomeSource } from "./task-outcome-source";

interface Aggregate {
  bucket: Date | null;
  succeeded: bigint | null;
  failed: bigint | null;
  cancelled: bigint | null;
}

/** Null when nothing succeeded or failed. */
export const successRate = (succeeded: number, failed: number) => (succeeded + failed === 0 ? null : succeeded / (succeeded + failed));

function toOutcome(row: Aggregate) {
  const succeeded = toNumber(row.succeeded);
  const failed = toNumber(row.failed);
  return { succeeded, failed, cancelled: toNumber(row.cancelled), successRate: successRate(succeeded, failed) };
}

export async function taskOutcomes(db: Db, range: AnalyticsRange) {
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH rows AS (${bucketsAndTotal(range)}),
    agg AS (
      SELECT x.bucket,
        (SUM(x.tasks) FILTER (WHERE x.status = 'SUCCEEDED'))::bigint AS succeeded,
        (SUM(x.tasks) FILTER (WHERE x.status = 'FAILED'))::bigint AS failed,
        (SUM(x.tasks) FILTER (WHERE x.status = 'CANCELLED'))::bigint AS cancelled
      FROM (SELECT ${bucketOf(range, Prisma.sql`m.bucket`)} AS bucket, m.status, m.tasks FROM ${taskOutcomeSource(range)} m) x
      GROUP BY GROUPING SETS ((x.bucket), ())
    )
    SELECT r.bucket, a.succeeded, a.failed, a.cancelled
    FROM rows r LEFT JOIN agg a ON a.bucket IS NOT DISTINCT FROM r.bucket
    ORDER BY r.bucket NULLS LAST`);
  return splitTotal(rows, toOutcome);
}
