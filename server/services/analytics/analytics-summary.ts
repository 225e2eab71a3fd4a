// The headline numbers of a range: tasks finished and how, the success rate, and what the model
// calls cost. The overview shows them for the last 24 hours; the analytics page above its charts.
import { Prisma, type Db } from "../../db/create-prisma";
import type { AnalyticsRange } from "./analytics-range";
import { inRange, toNumber } from "./bucket-sql";
import { successRate } from "./task-outcomes";

interface Aggregate {
  succeeded: bigint;
  failed: bigint;
  cancelled: bigint;
  calls: bigint;
  tokens: bigint | null;
  costMicros: bigint | null;
}

export async function analyticsSummary(db: Db, range: Pick<AnalyticsRange, "from" | "to">) {
  const finishedAt = Prisma.sql`t."finishedAt"`;
  const createdAt = Prisma.sql`c."createdAt"`;
  const [row] = await db.$queryRaw<Aggregate[]>`
    SELECT tasks.succeeded, tasks.failed, tasks.cancelled, calls.calls, calls.tokens, calls."costMicros"
    FROM (
      SELECT COUNT(*) FILTER (WHERE t.status = 'SUCCEEDED') AS succeeded,
        COUNT(*) FILTER (WHERE t.status = 'FAILED') AS failed,
        COUNT(*) FILTER (WHERE t.status = 'CANCELLED') AS cancelled
      FROM "Task" t WHERE ${inRange(range, finishedAt)} AND t.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
    ) tasks, (
      SELECT COUNT(*) AS calls, SUM(c."inputTokens" + c."outputTokens" + c."cacheReadTokens" + c."cacheWriteTokens") AS tokens,
        SUM(c."costMicros")::bigint AS "costMicros"
      FROM "ModelCall" c WHERE ${inRange(range, createdAt)}
    ) calls`;
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
