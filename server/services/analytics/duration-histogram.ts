// Durations as histograms in fixed log-scale bins, and percentiles read from them. DurationRollup
// keeps one histogram per kind and UTC hour, and per UTC day (the bins come from duration_bin() in
// SQL, kept in step with BINS_PER_DECADE below); a query sums the whole days (by day) or hours of
// each bucket and the partial hours at the range's ends from the rows themselves, then reads the percentiles off the summed histograms in
// the same query, instead of sorting every duration.
//
// Bins: 50 per power of ten. Bin k (k ≥ 0) holds [10^(k/50), 10^((k+1)/50)) ms, so its upper edge
// is 10^(1/50) ≈ 1.047 times its lower edge; bin -1 holds [0, 1) ms. A percentile q of N durations
// is read at rank q·N: walking the bins in order, the bin where the running count reaches q·N
// holds it, and the value is interpolated linearly inside that bin, as if the bin's durations were
// spread evenly across it: lower + (upper - lower) × (q·N - count before the bin) ÷ bin count,
// rounded to whole milliseconds. The answer lies in the same bin as the duration at rank ⌈q·N⌉, so
// it is within 4.7 % of that duration.
import { Prisma, type Db } from "../../db/create-prisma";
import type { AnalyticsRange } from "./analytics-range";
import { bucketOf, bucketStarts, rollupSplit, toNumber } from "./bucket-sql";
import { runAggregate } from "./run-aggregate";

/** Keep in step with duration_bin() in the migration that creates DurationRollup. */
const BINS_PER_DECADE = 50;

export type DurationKind = "task" | "subtask" | "queue";

export interface DurationStats {
  count: number;
  /** Null when nothing finished. */
  p50Ms: number | null;
  p95Ms: number | null;
}

/** Where a kind's durations come from at the range's partial hours: its rows' contributions and the time that places them. */
const EDGE_SOURCES: Record<DurationKind, { from: Prisma.Sql; at: Prisma.Sql }> = {
  task: { from: Prisma.sql`"Task" t CROSS JOIN LATERAL task_durations_of(t)`, at: Prisma.sql`t."finishedAt"` },
  subtask: { from: Prisma.sql`"Subtask" s CROSS JOIN LATERAL subtask_durations_of(s)`, at: Prisma.sql`s."finishedAt"` },
  queue: { from: Prisma.sql`"Subtask" s CROSS JOIN LATERAL subtask_durations_of(s)`, at: Prisma.sql`s."startedAt"` },
};

/**
 * The value at rank q·N inside the bin that holds it (see the top of this file), for q = percent /
 * 100. Ranks are compared in integers (100 × counts against percent × total) so no rounding can
 * pick a neighbouring bin; only the interpolation is floating point.
 */
const interpolate = (percent: number) => Prisma.sql`
  round(MAX(
    CASE WHEN 100 * c.before < ${percent}::int * c.total AND 100 * (c.before + c.n) >= ${percent}::int * c.total THEN
      CASE WHEN c.bin < 0 THEN 0 ELSE power(10::float8, c.bin / ${BINS_PER_DECADE}::float8) END
      + (CASE WHEN c.bin < 0 THEN 1 ELSE power(10::float8, (c.bin + 1) / ${BINS_PER_DECADE}::float8) - power(10::float8, c.bin / ${BINS_PER_DECADE}::float8) END)
        * (${percent}::int * c.total - 100 * c.before)::float8 / (100 * c.n)::float8
    END))`;

interface Row {
  bucket: Date | null;
  kind: DurationKind;
  count: bigint;
  p50: number | null;
  p95: number | null;
}

const toStats = (row: Row | undefined): DurationStats => ({ count: toNumber(row?.count), p50Ms: row?.p50 ?? null, p95Ms: row?.p95 ?? null });

/**
 * p50 and p95 of the given kinds per bucket of the range (every bucket, empty ones included) and
 * for the whole range, computed in PostgreSQL from the summed histograms.
 */
export async function durationPercentiles(db: Db, range: AnalyticsRange, kinds: DurationKind[]) {
  const split = rollupSplit(range, range.bucket);
  const edges = kinds.map(
    (kind) => Prisma.sql`UNION ALL SELECT d.kind, d.bucket, d.bin, 1 FROM ${EDGE_SOURCES[kind].from} d WHERE d.kind = ${kind} AND ${split.edges(EDGE_SOURCES[kind].at)}`,
  );
  const rows = await runAggregate<Row>(db, Prisma.sql`
    WITH h AS (
      -- Per bucket and, with a NULL bucket, for the whole range.
      SELECT y.bucket, y.kind, y.bin, SUM(y.count::int) AS n
      FROM (
        SELECT ${bucketOf(range, Prisma.sql`x.bucket`)} AS bucket, x.kind, x.bin, x.count
        FROM (
          SELECT r.kind, r.bucket, r.bin, r.count FROM "DurationRollup" r
          WHERE r.granularity = 'day' AND r.kind IN (${Prisma.join(kinds)}) AND ${split.days(Prisma.sql`r.bucket`)}
          UNION ALL
          SELECT r.kind, r.bucket, r.bin, r.count FROM "DurationRollup" r
          WHERE r.granularity = 'hour' AND r.kind IN (${Prisma.join(kinds)}) AND ${split.hours(Prisma.sql`r.bucket`)}
          ${Prisma.join(edges, " ")}
        ) x
      ) y
      GROUP BY GROUPING SETS ((y.bucket, y.kind, y.bin), (y.kind, y.bin))
    ),
    c AS (
      SELECT h.bucket, h.kind, h.bin, h.n,
        SUM(h.n::int) OVER (PARTITION BY h.bucket, h.kind ORDER BY h.bin) - h.n AS before,
        SUM(h.n::int) OVER (PARTITION BY h.bucket, h.kind) AS total
      FROM h WHERE h.n > 0
    )
    SELECT c.bucket, c.kind, MAX(c.total)::bigint AS count, ${interpolate(50)} AS p50, ${interpolate(95)} AS p95
    FROM c GROUP BY c.bucket, c.kind`);
  const find = (bucket: Date | null, kind: DurationKind) => rows.find((row) => row.kind === kind && (row.bucket?.getTime() ?? null) === (bucket?.getTime() ?? null));
  const statsAt = (bucket: Date | null) => new Map(kinds.map((kind) => [kind, toStats(find(bucket, kind))]));
  return { series: bucketStarts(range).map((bucket) => ({ bucket, stats: statsAt(bucket) })), total: statsAt(null) };
}
