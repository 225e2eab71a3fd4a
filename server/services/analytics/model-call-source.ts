// Model calls of a range as rows to sum: whole buckets from ModelCallRollup (kept by triggers on
// ModelCall), and the partial buckets at either end of the range from ModelCall itself, so the
// sums are exact for any range and read thousands of rows instead of millions.
import { Prisma } from "../../db/create-prisma";
import type { AnalyticsBucket } from "./analytics-range";
import { utc, wholeBuckets } from "./bucket-sql";

/**
 * A subquery with one row per rollup group or raw call: "at" (a time in the row's bucket),
 * "profileId", model, "userId" and the summable calls, token counts and "costMicros".
 */
export function modelCallSource(range: { from: Date; to: Date }, granularity: AnalyticsBucket): Prisma.Sql {
  const { lo, hi } = wholeBuckets(range, granularity);
  return Prisma.sql`(
    SELECT r.bucket AS at, NULLIF(r."profileId", '') AS "profileId", r.model, NULLIF(r."userId", '') AS "userId", r.calls,
      r."inputTokens", r."outputTokens", r."cacheReadTokens", r."cacheWriteTokens", r."costMicros"
    FROM "ModelCallRollup" r
    WHERE r.granularity = ${granularity} AND r.bucket >= ${utc(lo)} AND r.bucket < ${utc(hi)}
    UNION ALL
    SELECT c."createdAt", c."profileId", c.model, c."userId", 1,
      c."inputTokens", c."outputTokens", c."cacheReadTokens", c."cacheWriteTokens", c."costMicros"
    FROM "ModelCall" c
    WHERE (c."createdAt" >= ${utc(range.from)} AND c."createdAt" < ${utc(lo)}) OR (c."createdAt" >= ${utc(hi)} AND c."createdAt" < ${utc(range.to)})
  )`;
}
