// How long work took, per bucket of when it finished: p50 and p95 (whole milliseconds) of succeeded tasks (submitted
// to result, so planning and waiting count) and of succeeded subtasks (first claim to result).
// Failed work is left out: a task that fails at once would make the fleet look fast.
import { Prisma, type Db } from "../../db/create-prisma";
import { runAggregate } from "./run-aggregate";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketsAndTotal, inRange, millisBetween, splitTotal, toNumber } from "./bucket-sql";

export interface DurationStats {
  count: number;
  /** Null when nothing finished. */
  p50Ms: number | null;
  p95Ms: number | null;
}

interface Aggregate {
  bucket: Date | null;
  taskCount: bigint | null;
  taskP50: number | null;
  taskP95: number | null;
  subtaskCount: bigint | null;
  subtaskP50: number | null;
  subtaskP95: number | null;
}

const percentiles = Prisma.sql`
  COUNT(*) AS n,
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY x.ms)) AS p50,
  round(percentile_cont(0.95) WITHIN GROUP (ORDER BY x.ms)) AS p95`;

const stats = (count: bigint | null, p50: number | null, p95: number | null): DurationStats => ({ count: toNumber(count), p50Ms: p50, p95Ms: p95 });

export async function durations(db: Db, range: AnalyticsRange) {
  const task = { start: Prisma.sql`t."createdAt"`, end: Prisma.sql`t."finishedAt"` };
  const subtask = { start: Prisma.sql`s."startedAt"`, end: Prisma.sql`s."finishedAt"` };
  const rows = await runAggregate<Aggregate>(db, Prisma.sql`
    WITH rows AS (${bucketsAndTotal(range)}),
    tasks AS (
      SELECT x.bucket, ${percentiles}
      FROM (
        SELECT ${bucketOf(range, task.end)} AS bucket, ${millisBetween(task.start, task.end)} AS ms FROM "Task" t
        WHERE ${inRange(range, task.end)} AND t.status = 'SUCCEEDED'
      ) x
      GROUP BY GROUPING SETS ((x.bucket), ())
    ),
    subtasks AS (
      SELECT x.bucket, ${percentiles}
      FROM (
        SELECT ${bucketOf(range, subtask.end)} AS bucket, ${millisBetween(subtask.start, subtask.end)} AS ms FROM "Subtask" s
        WHERE ${inRange(range, subtask.end)} AND s.status = 'SUCCEEDED' AND s."startedAt" IS NOT NULL
      ) x
      GROUP BY GROUPING SETS ((x.bucket), ())
    )
    SELECT r.bucket,
      t.n AS "taskCount", t.p50 AS "taskP50", t.p95 AS "taskP95",
      s.n AS "subtaskCount", s.p50 AS "subtaskP50", s.p95 AS "subtaskP95"
    FROM rows r
    LEFT JOIN tasks t ON t.bucket IS NOT DISTINCT FROM r.bucket
    LEFT JOIN subtasks s ON s.bucket IS NOT DISTINCT FROM r.bucket
    ORDER BY r.bucket NULLS LAST`);
  const toRow = (row: Aggregate) => ({
    tasks: stats(row.taskCount, row.taskP50, row.taskP95),
    subtasks: stats(row.subtaskCount, row.subtaskP50, row.subtaskP95),
  });
  return splitTotal(rows, toRow);
}
