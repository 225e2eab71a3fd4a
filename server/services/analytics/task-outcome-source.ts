// Tasks that ended in a range as rows to sum: whole hours from TaskOutcomeRollup (kept by triggers
// on Task) and the partial hours at either end of the range from Task itself, through the same
// task_outcome_of() the triggers use, so the sums are exact for any range.
import { Prisma } from "../../db/create-prisma";
import { rollupSplit } from "./bucket-sql";

/**
 * A subquery with one row per rollup group or task: bucket (the UTC hour the tasks finished in),
 * status, and the summable tasks, "estimatedTasks", "estimatedMicros" and "estimatedActualMicros".
 */
export function taskOutcomeSource(range: { from: Date; to: Date }): Prisma.Sql {
  const split = rollupSplit(range, "hour");
  return Prisma.sql`(
    SELECT r.bucket, r.status, r.tasks, r."estimatedTasks", r."estimatedMicros", r."estimatedActualMicros"
    FROM "TaskOutcomeRollup" r WHERE ${split.hours(Prisma.sql`r.bucket`)}
    UNION ALL
    SELECT o.bucket, o.status, o.tasks, o."estimatedTasks", o."estimatedMicros", o."estimatedActualMicros"
    FROM "Task" t CROSS JOIN LATERAL task_outcome_of(t) o WHERE ${split.edges(Prisma.sql`t."finishedAt"`)}
  )`;
}
