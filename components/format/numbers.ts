// Token counts and memory sizes, compact enough for table cells.
const grouped = new Intl.NumberFormat("en-US");

export const formatCount = (value: number) => grouped.format(value);

export function formatMegabytes(bytes: number | null): string {
  if (bytes === null) return "—";
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export function formatPercent(value: number | null): string {
  if (value === null) return "—";
  return `${value.toFixed(value < 10 ? 1 : 0)}%`;
}

/** "1 task", "3 tasks": a count with its noun (regular English plural). */
export const plural = (count: number, noun: string) => `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
