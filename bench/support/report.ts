// How a benchmark reports: percentiles, and one line per figure with the baseline measured in the
// same run, their ratio, the goal and whether it was met. Benchmarks print; they do not fail.

/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Result {
  name: string;
  value: number;
  unit: string;
  /** The same work done the plain way in the same run; the ratio is value / baseline. */
  baseline?: { label: string; value: number };
  /** Shown as written, e.g. "≤ 1.05× baseline". */
  goal?: string;
  /** Whether the goal was met; leave it out when there is no goal. */
  ok?: boolean;
  digits?: number;
}

export function formatResult(result: Result): string {
  const digits = result.digits ?? 1;
  const show = (value: number) => `${value.toFixed(digits)}${result.unit ? ` ${result.unit}` : ""}`;
  const parts = [`${result.name}: ${show(result.value)}`];
  if (result.baseline) {
    parts.push(`baseline (${result.baseline.label}) ${show(result.baseline.value)}`);
    parts.push(`ratio ${(result.value / result.baseline.value).toFixed(3)}×`);
  }
  if (result.goal) parts.push(`goal ${result.goal}`);
  if (result.ok !== undefined) parts.push(result.ok ? "MET" : "MISSED");
  return parts.join("   ");
}

export function printResult(result: Result): void {
  console.log(formatResult(result));
}

/** A plain table: one header row and rows of cells, columns padded to their widest cell. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  for (const row of cells) console.log(`  ${row.map((cell, i) => cell.padStart(widths[i]!)).join("  ")}`);
}
