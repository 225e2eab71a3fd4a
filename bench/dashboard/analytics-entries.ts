// Every analytics query at the ranges the analytics page offers (ending at the newest task, as
// "now"), and over all 90 days of the scale data.
import { agentUtilisation } from "../../server/services/analytics/agent-utilisation";
import { analyticsSummary } from "../../server/services/analytics/analytics-summary";
import { ZAnalyticsRangeSchema, type AnalyticsRange } from "../../server/services/analytics/analytics-range";
import { costEstimates } from "../../server/services/analytics/cost-estimates";
import { durations } from "../../server/services/analytics/durations";
import { failureReasons } from "../../server/services/analytics/failure-reasons";
import { queueWait } from "../../server/services/analytics/queue-wait";
import { taskOutcomes } from "../../server/services/analytics/task-outcomes";
import { usageBreakdown } from "../../server/services/analytics/usage-breakdown";
import type { Db } from "../../server/db/create-prisma";
import type { BenchEntries, BenchEntry } from "./bench-entry";

const GOAL_MS = 150;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A bulk load with triggers off leaves the rollups empty; the queries would then answer zeros fast. */
async function checkRollups(db: Db) {
  const [row] = await db.$queryRaw<{ calls: boolean; tasks: boolean }[]>`
    SELECT (EXISTS (SELECT 1 FROM "ModelCall") AND NOT EXISTS (SELECT 1 FROM "ModelCallRollup")) AS calls,
      (EXISTS (SELECT 1 FROM "Task" WHERE "finishedAt" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "TaskOutcomeRollup")) AS tasks`;
  if (row!.calls || row!.tasks) {
    throw new Error("The rollups are empty although their tables are not: run SELECT rebuild_model_call_rollup(), rebuild_analytics_rollups() in this database first.");
  }
}

export const analyticsEntries: BenchEntries = async (ctx) => {
  await checkRollups(ctx.db);
  const now = ctx.newestCreatedAt.getTime();
  const range = (days: number, bucket: "hour" | "day"): AnalyticsRange => {
    const step = bucket === "hour" ? HOUR : DAY;
    const to = Math.ceil(now / step) * step;
    return ZAnalyticsRangeSchema.parse({ from: new Date(to - days * DAY), to: new Date(to), bucket });
  };
  const ranges: [string, AnalyticsRange][] = [
    ["24 h by hour", range(1, "hour")],
    ["7 d by hour", range(7, "hour")],
    ["30 d by day", range(30, "day")],
    ["90 d by day", range(90, "day")],
  ];
  const queries: [string, (db: Db, range: AnalyticsRange) => Promise<unknown>][] = [
    ["summary", analyticsSummary],
    ["outcomes", taskOutcomes],
    ["durations", durations],
    ["estimates", costEstimates],
    ["queue wait", queueWait],
    ["utilisation", (db, r) => agentUtilisation(db, r, new Date(now))],
    ["usage", usageBreakdown],
    ["failures", failureReasons],
  ];
  return queries.flatMap(([query, run]) =>
    ranges.map(([label, r]): BenchEntry => ({ group: "analytics", name: `${query}, ${label}`, goalMs: GOAL_MS, run: (c) => run(c.db, r) })),
  );
};
