// How long subtasks waited for an agent: queued (dependencies done, job added) to first claimed,
// p50 and p95 per bucket of when an agent took them, from hourly histograms (within 4.7 % of the
// exact value, see duration-histogram.ts).
import type { Db } from "../../db/create-prisma";
import type { AnalyticsRange } from "./analytics-range";
import { durationPercentiles } from "./duration-histogram";

export async function queueWait(db: Db, range: AnalyticsRange) {
  const { series, total } = await durationPercentiles(db, range, ["queue"]);
  return { series: series.map((row) => ({ bucket: row.bucket, ...row.stats.get("queue")! })), total: total.get("queue")! };
}
