// Tasks that ended in each bucket, by how they ended, and the success rate: succeeded ÷
// (succeeded + failed). Cancelled tasks are counted but left out of the rate, since a person
// stopped them rather than the fleet failing them.
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, inRange, splitTotal, toNumber } from "./bucket-sql";

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
  const finishedAt = Prisma.sql`t."finishedAt"`;
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH rows AS (${bucketsAndTotal(range)}),
    agg AS (
      SELECT x.bucket,
        COUNT(*) FILTER (WHERE x.status = 'SUCCEEDED') AS succeeded,
        COUNT(*) FILTER (WHERE x.status = 'FAILED') AS failed,
        COUNT(*) FILTER (WHERE x.status = 'CANCELLED') AS cancelled
      FROM (
        SELECT ${bucketOf(range, finishedAt)} AS bucket, t.status FROM "Task" t
        WHERE ${inRange(range, finishedAt)} AND t.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
      ) x
      GROUP BY GROUPING SETS ((x.bucket), ())
    )
    SELECT r.bucket, a.succeeded, a.failed, a.cancelled
    FROM rows r LEFT JOIN agg a ON a.bucket IS NOT DISTINCT FROM r.bucket
    ORDER BY r.bucket NULLS LAST`);
  return splitTotal(rows, toOutcome);
}
