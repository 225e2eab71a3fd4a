// Percentiles and the benchmarks' common output: each figure beside its baseline measured in the
// same run, their ratio, the goal and whether it was met. Benchmarks measure; they exit 0 either way.
import os from "node:os";

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Distribution {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function distribution(values: number[]): Distribution {
  return { n: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values) };
}

export interface Comparison {
  label: string;
  unit: string;
  value: number;
  /** Measured in the same run, under the same load. */
  baseline: number;
  /** How the goal reads, e.g. "≤ baseline + 5 ms". */
  goal: string;
  met: boolean;
}

const results: Comparison[] = [];

/** Prints one line: figure, baseline, ratio, goal, MET/MISSED; the summary repeats them. */
export function compare(comparison: Comparison): void {
  results.push(comparison);
  const ratio = comparison.baseline > 0 ? `${(comparison.value / comparison.baseline).toFixed(2)}×` : "n/a";
  console.log(
    `  ${comparison.label.padEnd(30)} ${fmt(comparison.value, comparison.unit).padStart(12)}   baseline ${fmt(comparison.baseline, comparison.unit).padStart(12)}   ratio ${ratio.padStart(7)}   goal ${comparison.goal}   ${comparison.met ? "MET" : "MISSED"}`,
  );
}

/** The title, the machine and its load, so numbers are read with the conditions they were taken in. */
export function printHeader(title: string, details: string[] = []): void {
  const load = os.loadavg().map((value) => value.toFixed(2)).join(" ");
  console.log(`${title}\n  ${os.cpus().length} cores, load average ${load}, ${new Date().toISOString()}`);
  for (const line of details) console.log(`  ${line}`);
}

export function printSummary(): void {
  const missed = results.filter((result) => !result.met);
  const load = os.loadavg().map((value) => value.toFixed(2)).join(" ");
  console.log(`\n${missed.length === 0 ? "MET" : "MISSED"}: ${results.length - missed.length} of ${results.length} goals met (load average now ${load})`);
  for (const result of missed) console.log(`  missed: ${result.label} ${fmt(result.value, result.unit)} (goal ${result.goal})`);
}

export function fmt(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Milliseconds on the machine-wide monotonic clock (CLOCK_MONOTONIC on Linux), comparable across processes. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
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
