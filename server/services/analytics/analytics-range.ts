// The period an analytics query covers and how it is cut into buckets. Every query takes the
// same validated range; times are UTC and buckets are UTC hours or days.
import { z } from "zod";

export const ANALYTICS_BUCKETS = ["hour", "day"] as const;
export type AnalyticsBucket = (typeof ANALYTICS_BUCKETS)[number];

const DAY_MS = 86_400_000;
/** The longest range any query covers; a year of daily buckets is still one small chart. */
export const MAX_RANGE_DAYS = 366;
/** Hourly buckets beyond two weeks make a chart of more than 336 bars nobody can read. */
export const MAX_HOURLY_RANGE_DAYS = 14;

export const ZAnalyticsRangeSchema = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    bucket: z.enum(ANALYTICS_BUCKETS).default("day"),
  })
  .superRefine((range, ctx) => {
    const span = range.to.getTime() - range.from.getTime();
    if (span <= 0) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    } else if (span > MAX_RANGE_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the range covers ${Math.ceil(span / DAY_MS)} days; the most is ${MAX_RANGE_DAYS}` });
    } else if (range.bucket === "hour" && span > MAX_HOURLY_RANGE_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", path: ["bucket"], message: `hourly buckets cover at most ${MAX_HOURLY_RANGE_DAYS} days; choose day for a longer range` });
    }
  });

export type AnalyticsRange = z.output<typeof ZAnalyticsRangeSchema>;
