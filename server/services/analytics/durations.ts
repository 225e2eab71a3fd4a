// How long work took, per bucket of when it finished: p50 and p95 (whole milliseconds) of succeeded tasks (submitted
// to result, so planning and waiting count) and of succeeded subtasks (first claim to result).
// Failed work is left out: a task that fails at once would make the fleet look fast. Percentiles
// come from hourly histograms and are within 4.7 % of the exact value (see duration-histogram.ts).
import type { Db } from "../../db/create-prisma";
import type { AnalyticsRange } from "./analytics-range";
import { durationPercentiles, type DurationKind, type DurationStats } from "./duration-histogram";

export type { DurationStats } from "./duration-histogram";

export async function durations(db: Db, range: AnalyticsRange) {
  const { series, total } = await durationPercentiles(db, range, ["task", "subtask"]);
  const toRow = (stats: Map<DurationKind, DurationStats>) => ({ tasks: stats.get("task")!, subtasks: stats.get("subtask")! });
  return { series: series.map((row) => ({ bucket: row.bucket, ...toRow(row.stats) })), total: toRow(total) };
}
