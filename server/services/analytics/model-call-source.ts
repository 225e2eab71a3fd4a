// Model calls of a range as rows to sum: whole days and hours from ModelCallRollup (kept by
// triggers on ModelCall), and the partial hours at either end of the range from ModelCall itself,
// so the sums are exact for any range and read thousands of rows instead of millions.
import { Prisma } from "../../db/create-prisma";
import type { AnalyticsBucket } from "./analytics-range";
import { rollupSplit } from "./bucket-sql";

/**
 * A subquery with one row per rollup group or raw call: "at" (a time in the row's bucket),
 * "profileId", model, "userId" and the summable calls, token counts and "costMicros". With "day",
 * whole days come from the daily rollup and the whole hours around them from the hourly one, so
 * the rows can only be grouped by day (or not at all).
 */
export function modelCallSource(range: { from: Date; to: Date }, granularity: AnalyticsBucket): Prisma.Sql {
  const split = rollupSplit(range, granularity);
  const columns = Prisma.sql`r.bucket AS at, NULLIF(r."profileId", '') AS "profileId", r.model, NULLIF(r."userId", '') AS "userId", r.calls,
      r."inputTokens", r."outputTokens", r."cacheReadTokens", r."cacheWriteTokens", r."costMicros"`;
  return Prisma.sql`(
    SELECT ${columns} FROM "ModelCallRollup" r WHERE r.granularity = 'day' AND ${split.days(Prisma.sql`r.bucket`)}
    UNION ALL
    SELECT ${columns} FROM "ModelCallRollup" r WHERE r.granularity = 'hour' AND ${split.hours(Prisma.sql`r.bucket`)}
    UNION ALL
    SELECT c."createdAt", c."profileId", c.model, c."userId", 1,
      c."inputTokens", c."outputTokens", c."cacheReadTokens", c."cacheWriteTokens", c."costMicros"
    FROM "ModelCall" c WHERE ${split.edges(Prisma.sql`c."createdAt"`)}
  )`;
}
