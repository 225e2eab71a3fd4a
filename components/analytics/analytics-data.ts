// Shapes shared by the analytics cards: the range a query takes, the bucket column every series
// table starts with, and the conversion of series rows into chart points.
import type { ReactNode } from "react";
import type { Bucket } from "./analytics-view";
import type { DataColumn } from "./chart-card";
import type { ChartPoint } from "./series-chart";
import { formatBucket, formatBucketTick } from "./format-bucket";

export interface AnalyticsInput {
  from: Date;
  to: Date;
  bucket: Bucket;
}

export interface CardProps {
  input: AnalyticsInput;
}

export const bucketColumn = <Row extends { bucket: Date }>(bucket: Bucket): DataColumn<Row> => ({
  label: bucket === "hour" ? "Hour (UTC)" : "Day (UTC)",
  csvLabel: "bucket_start_utc",
  csv: (row) => row.bucket.toISOString(),
  display: (row): ReactNode => formatBucket(row.bucket, bucket),
});

export function toPoints<Row extends { bucket: Date }>(rows: Row[], bucket: Bucket, values: (row: Row) => Record<string, number | null>): ChartPoint[] {
  return rows.map((row) => ({ label: formatBucket(row.bucket, bucket), tick: formatBucketTick(row.bucket, bucket), ...values(row) }));
}

/** Micro-dollars as a chart value in dollars (charts need plain numbers). */
export const microsToDollars = (micros: bigint) => Number(micros) / 1_000_000;
