// SQL pieces every analytics query shares: UTC bounds, bucket truncation and the full list of
// buckets in a range (so a bucket with no rows still appears, as zero).
import { Prisma } from "../../db/create-prisma";
import type { AnalyticsRange } from "./analytics-range";

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

/** Milliseconds between two timestamp columns, as a float for percentile_cont. */
export const millisBetween = (start: Prisma.Sql, end: Prisma.Sql) => Prisma.sql`(EXTRACT(EPOCH FROM (${end} - ${start})) * 1000)::float8`;

/** BIGINT counts and sums come back as bigint; the charts want numbers. */
export const toNumber = (value: bigint | number | null | undefined) => (value === null || value === undefined ? 0 : Number(value));
