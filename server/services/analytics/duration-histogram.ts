// Durations as histograms in fixed log-scale bins, and percentiles read from them. DurationRollup
// keeps one histogram per kind and UTC hour (the bins come from duration_bin() in SQL, kept in step
// with binEdges below); a query sums the hours of each bucket and the partial hours at the range's
// ends from the rows themselves, so it reads a few thousand rows instead of sorting every duration.
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
import { bucketOf, bucketStarts, hourlySplit, toNumber } from "./bucket-sql";
import { runAggregate } from "./run-aggregate";

export const BINS_PER_DECADE = 50;
/** How far above the true duration (at the percentile's rank) the answer can be, at most. */
export const PERCENTILE_ERROR = 10 ** (1 / BINS_PER_DECADE) - 1;

export type DurationKind = "task" | "subtask" | "queue";
/** Bin number → how many durations fell in it. */
export type Histogram = Map<number, number>;

export function binEdges(bin: number): [number, number] {
  return bin < 0 ? [0, 1] : [10 ** (bin / BINS_PER_DECADE), 10 ** ((bin + 1) / BINS_PER_DECADE)];
}

/** The q-th quantile (0 < q ≤ 1) in whole milliseconds, as described above; null when empty. */
export function percentile(histogram: Histogram, q: number): number | null {
  const bins = [...histogram.entries()].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let before = 0;
  for (const [bin, count] of bins) {
    if (before + count >= rank) {
      const [lower, upper] = binEdges(bin);
      return Math.round(lower + ((upper - lower) * (rank - before)) / count);
    }
    before += count;
  }
  const [, upper] = binEdges(bins.at(-1)![0]);
  return Math.round(upper);
}

export interface DurationStats {
  count: number;
  /** Null when nothing finished. */
  p50Ms: number | null;
  p95Ms: number | null;
}

export function durationStats(histogram: Histogram | undefined): DurationStats {
  const h = histogram ?? new Map<number, number>();
  let count = 0;
  for (const n of h.values()) count += n;
  return { count, p50Ms: percentile(h, 0.5), p95Ms: percentile(h, 0.95) };
}

/** Where a kind's durations come from at the range's partial hours: its rows' contributions and the time that places them. */
const EDGE_SOURCES: Record<DurationKind, { from: Prisma.Sql; at: Prisma.Sql }> = {
  task: { from: Prisma.sql`"Task" t CROSS JOIN LATERAL task_durations_of(t)`, at: Prisma.sql`t."finishedAt"` },
  subtask: { from: Prisma.sql`"Subtask" s CROSS JOIN LATERAL subtask_durations_of(s)`, at: Prisma.sql`s."finishedAt"` },
  queue: { from: Prisma.sql`"Subtask" s CROSS JOIN LATERAL subtask_durations_of(s)`, at: Prisma.sql`s."startedAt"` },
};

interface Row {
  bucket: Date;
  kind: DurationKind;
  bin: number;
  count: bigint;
}

/**
 * The histograms of the given kinds per bucket of the range (every bucket, empty ones included)
 * and for the whole range.
 */
export async function durationHistograms(db: Db, range: AnalyticsRange, kinds: DurationKind[]) {
  const split = hourlySplit(range);
  const edges = kinds.map(
    (kind) => Prisma.sql`UNION ALL SELECT d.kind, d.bucket, d.bin, 1 FROM ${EDGE_SOURCES[kind].from} d WHERE d.kind = ${kind} AND ${split.edges(EDGE_SOURCES[kind].at)}`,
  );
  const rows = await runAggregate<Row>(db, Prisma.sql`
    SELECT ${bucketOf(range, Prisma.sql`x.bucket`)} AS bucket, x.kind, x.bin, SUM(x.count)::bigint AS count
    FROM (
      SELECT r.kind, r.bucket, r.bin, r.count FROM "DurationRollup" r WHERE r.kind IN (${Prisma.join(kinds)}) AND ${split.rollup(Prisma.sql`r.bucket`)}
      ${Prisma.join(edges, " ")}
    ) x
    GROUP BY 1, 2, 3`);
  const empty = () => new Map(kinds.map((kind) => [kind, new Map<number, number>()]));
  const series = new Map(bucketStarts(range).map((start) => [start.getTime(), empty()]));
  const total = empty();
  for (const row of rows) {
    const count = toNumber(row.count);
    const add = (histograms: Map<DurationKind, Histogram> | undefined) => {
      const histogram = histograms?.get(row.kind);
      histogram?.set(row.bin, (histogram.get(row.bin) ?? 0) + count);
    };
    add(series.get(row.bucket.getTime()));
    add(total);
  }
  return { series: [...series.entries()].map(([start, histograms]) => ({ bucket: new Date(start), histograms })), total };
}
