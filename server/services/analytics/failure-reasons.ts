// The most frequent reasons work failed in the range. Subtask failures carry the real cause; a
// task that failed because a subtask did only says so ('Subtask "…" failed.'), so those task
// rows are left out and every other task failure (invalid plan, timeout, budget) is counted.
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { inRange, toNumber } from "./bucket-sql";

export const FAILURE_REASON_LIMIT = 10;
const NO_REASON = "(no reason recorded)";

interface Aggregate {
  kind: "task" | "subtask";
  reason: string;
  count: bigint;
  lastAt: Date;
  lastTaskId: string;
}

export async function failureReasons(db: Db, range: AnalyticsRange) {
  const taskEnd = Prisma.sql`t."finishedAt"`;
  const subtaskEnd = Prisma.sql`s."finishedAt"`;
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    SELECT x.kind, x.reason, COUNT(*) AS count, MAX(x.at) AS "lastAt", (array_agg(x."taskId" ORDER BY x.at DESC))[1] AS "lastTaskId"
    FROM (
      SELECT 'task' AS kind, COALESCE(t."statusReason", ${NO_REASON}) AS reason, t."finishedAt" AS at, t.id AS "taskId"
      FROM "Task" t
      WHERE t.status = 'FAILED' AND ${inRange(range, taskEnd)} AND COALESCE(t."statusReason", '') NOT LIKE 'Subtask "%" failed.'
      UNION ALL
      SELECT 'subtask', COALESCE(s."statusReason", ${NO_REASON}), s."finishedAt", s."taskId"
      FROM "Subtask" s
      WHERE s.status = 'FAILED' AND ${inRange(range, subtaskEnd)}
    ) x
    GROUP BY x.kind, x.reason
    ORDER BY count DESC, "lastAt" DESC
    LIMIT ${FAILURE_REASON_LIMIT}`);
  return rows.map((row) => ({ ...row, count: toNumber(row.count) }));
}
