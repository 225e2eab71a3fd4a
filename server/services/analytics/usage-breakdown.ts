// Tokens and cost of the model calls made in the range: per bucket, and per agent profile,
// model and person (the task's creator), in one pass with GROUPING SETS over the hourly or
// daily rollup (see model-call-source.ts).
import { Prisma, type Db } from "../../db/create-prisma";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, splitTotal, toNumber } from "./bucket-sql";
import { modelCallSource } from "./model-call-source";
import { runAggregate } from "./run-aggregate";

export type UsageDimension = "profile" | "model" | "user";

interface Aggregate {
  dimension: "bucket" | UsageDimension;
  bucket: Date | null;
  key: string | null;
  label: string | null;
  calls: bigint | null;
  inputTokens: bigint | null;
  outputTokens: bigint | null;
  cacheReadTokens: bigint | null;
  cacheWriteTokens: bigint | null;
  costMicros: bigint | null;
}

const toUsage = (row: Aggregate) => ({
  calls: toNumber(row.calls),
  inputTokens: toNumber(row.inputTokens),
  outputTokens: toNumber(row.outputTokens),
  cacheReadTokens: toNumber(row.cacheReadTokens),
  cacheWriteTokens: toNumber(row.cacheWriteTokens),
  costMicros: row.costMicros ?? 0n,
});

const FALLBACK_LABELS: Record<UsageDimension, string> = { profile: "(no profile)", model: "(unknown model)", user: "(no user)" };

export async function usageBreakdown(db: Db, range: AnalyticsRange) {
  const sums = Prisma.sql`SUM(x.calls) AS calls, SUM(x."inputTokens") AS "inputTokens", SUM(x."outputTokens") AS "outputTokens",
    SUM(x."cacheReadTokens") AS "cacheReadTokens", SUM(x."cacheWriteTokens") AS "cacheWriteTokens", SUM(x."costMicros")::bigint AS "costMicros"`;
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH agg AS (
      -- 7: per bucket, 11: per profile, 13: per model, 14: per user, 15: the whole range
      SELECT x.bucket, x."profileId", x.model, x."userId", GROUPING(x.bucket, x."profileId", x.model, x."userId") AS set, ${sums}
      FROM (
        SELECT ${bucketOf(range, Prisma.sql`m.at`)} AS bucket, m."profileId", m.model, m."userId", m.calls, m."inputTokens", m."outputTokens",
          m."cacheReadTokens", m."cacheWriteTokens", m."costMicros"
        FROM ${modelCallSource(range, range.bucket)} m
      ) x
      GROUP BY GROUPING SETS ((x.bucket), (x."profileId"), (x.model), (x."userId"), ())
    ),
    rows AS (${bucketsAndTotal(range)})
    SELECT 'bucket' AS dimension, r.bucket, NULL AS key, NULL AS label, a.calls, a."inputTokens", a."outputTokens", a."cacheReadTokens", a."cacheWriteTokens", a."costMicros"
    FROM rows r LEFT JOIN agg a ON a.set IN (7, 15) AND a.bucket IS NOT DISTINCT FROM r.bucket
    UNION ALL
    SELECT CASE a.set WHEN 11 THEN 'profile' WHEN 13 THEN 'model' ELSE 'user' END, NULL,
      COALESCE(a."profileId", a.model, a."userId"), COALESCE(p.name, a.model, u.email),
      a.calls, a."inputTokens", a."outputTokens", a."cacheReadTokens", a."cacheWriteTokens", a."costMicros"
    FROM agg a
    LEFT JOIN "AgentProfile" p ON a.set = 11 AND p.id = a."profileId"
    LEFT JOIN "User" u ON a.set = 14 AND u.id = a."userId"
    WHERE a.set IN (11, 13, 14)
    ORDER BY 1, 2 NULLS LAST, "costMicros" DESC, 4`);
  const breakdown = (dimension: UsageDimension) =>
    rows
      .filter((row) => row.dimension === dimension)
      .map((row) => ({ key: row.key, label: row.label ?? FALLBACK_LABELS[dimension], ...toUsage(row) }));
  return {
    ...splitTotal(rows.filter((row) => row.dimension === "bucket"), toUsage),
    byProfile: breakdown("profile"),
    byModel: breakdown("model"),
    byUser: breakdown("user"),
  };
}
