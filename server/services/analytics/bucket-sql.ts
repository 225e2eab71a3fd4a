// SQL pieces every analytics query shares: UTC bounds, bucket truncation and the full list of
// buckets in a range (so a bucket with no rows still appears, as zero).
import { Prisma } from "../../db/create-prisma";
import type { AnalyticsBucket, AnalyticsRange } from "./analytics-range";

/**
 * A JavaScript Date as PostgreSQL's `timestamp` (without time zone) in UTC, which is how Prisma
 * stores DateTime columns. Converting through timestamptz keeps it right whatever the session's
 * time zone is.
 */
export const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** One bucket's length as an interval. */
export const bucketStep = (range: AnalyticsRange) => Prisma.sql`(${`1 ${range.bucket}`}::interval)`;

/** The start of the bucket `column` falls in. */
export const bucketOf = (range: AnalyticsRange, column: Prisma.Sql) => Prisma.sql`date_trunc(${range.bucket}::text, ${column})`;

/** `column` inside [from, to). */
export const inRange = (range: Pick<AnalyticsRange, "from" | "to">, column: Prisma.Sql) => Prisma.sql`${column} >= ${utc(range.from)} AND ${column} < ${utc(range.to)}`;

/** A CTE body listing every bucket start that overlaps the range, oldest first. */
export const bucketSeries = (range: AnalyticsRange) =>
  Prisma.sql`SELECT generate_series(${bucketOf(range, utc(range.from))}, ${utc(range.to)} - interval '1 microsecond', ${bucketStep(range)}) AS bucket`;

/**
 * Every bucket plus one row with a NULL bucket for the whole range. Aggregates grouped by
 * `GROUPING SETS ((bucket), ())` join onto it with `IS NOT DISTINCT FROM`, so empty buckets
 * come back as rows of NULLs and the range's total arrives in the same round trip.
 */
export const bucketsAndTotal = (range: AnalyticsRange) => Prisma.sql`${bucketSeries(range)} UNION ALL SELECT NULL`;

/** Splits the rows of a `bucketsAndTotal` query into the series and the total. */
export function splitTotal<Row extends { bucket: Date | null }, Out>(rows: Row[], toOut: (row: Row) => Out) {
  const total = rows.find((row) => row.bucket === null);
  if (!total) throw new Error("an analytics query returned no total row");
  return {
    series: rows.flatMap((row) => (row.bucket === null ? [] : [{ bucket: row.bucket, ...toOut(row) }])),
    total: toOut(total),
  };
}

const BUCKET_MS: Record<AnalyticsBucket, number> = { hour: 3_600_000, day: 86_400_000 };

/** Every bucket start that overlaps the range, oldest first (buckets are UTC hours or days). */
export function bucketStarts(range: AnalyticsRange): Date[] {
  const step = BUCKET_MS[range.bucket];
  const starts: Date[] = [];
  for (let t = Math.floor(range.from.getTime() / step) * step; t < range.to.getTime(); t += step) starts.push(new Date(t));
  return starts;
}

/** The whole buckets inside [from, to); empty (lo = hi = to) when the range holds none. */
export function wholeBuckets(range: { from: Date; to: Date }, granularity: AnalyticsBucket) {
  const step = BUCKET_MS[granularity];
  const lo = Math.ceil(range.from.getTime() / step) * step;
  const hi = Math.floor(range.to.getTime() / step) * step;
  return lo < hi ? { lo: new Date(lo), hi: new Date(hi) } : { lo: range.to, hi: range.to };
}

/**
 * How a range is read from a rollup kept per UTC hour (and per UTC day): `days(bucket)` keeps the
 * daily rows of the whole days inside the range (none unless `granularity` is "day", since daily
 * rows can only be grouped by day), `hours(bucket)` the hourly rows of the other whole hours, and
 * `edges(column)` the source rows whose time falls in the partial hours at either end, so sums are
 * exact for any range.
 */
export function rollupSplit(range: { from: Date; to: Date }, granularity: AnalyticsBucket) {
  const hours = wholeBuckets(range, "hour");
  const wholeDays = wholeBuckets(range, "day");
  const days = granularity === "day" && wholeDays.lo < wholeDays.hi ? wholeDays : { lo: hours.hi, hi: hours.hi };
  return {
    days: (bucket: Prisma.Sql) => Prisma.sql`${bucket} >= ${utc(days.lo)} AND ${bucket} < ${utc(days.hi)}`,
    hours: (bucket: Prisma.Sql) =>
      Prisma.sql`((${bucket} >= ${utc(hours.lo)} AND ${bucket} < ${utc(days.lo)}) OR (${bucket} >= ${utc(days.hi)} AND ${bucket} < ${utc(hours.hi)}))`,
    edges: (column: Prisma.Sql) =>
      Prisma.sql`((${column} >= ${utc(range.from)} AND ${column} < ${utc(hours.lo)}) OR (${column} >= ${utc(hours.hi)} AND ${column} < ${utc(range.to)}))`,
  };
}

/** BIGINT counts and sums come back as bigint; the charts want numbers. */
export const toNumber = (value: bigint | number | null | undefined) => (value === null || value === undefined ? 0 : Number(value));
