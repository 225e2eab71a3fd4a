// A small inline SVG line of recent values (an agent's CPU or memory) with the range and the
// latest value spelled out for screen readers; the number beside it stays the primary reading.
import { cx } from "@/components/ui/class-names";

const WIDTH = 72;
const HEIGHT = 20;

export interface SparklineProps {
  values: number[];
  /** What is plotted, e.g. "CPU"; the accessible label adds the range and latest value. */
  label: string;
  format: (value: number) => string;
  /** The lowest top of the scale, so near-zero noise does not fill the box (e.g. 100 for percent). */
  minScale?: number;
  className?: string;
}

/** The SVG points of a line through `values`, scaled into the box from 0 to the larger of max and `minScale`. */
export function sparklinePoints(values: number[], minScale = 0): string {
  const top = Math.max(minScale, ...values) || 1;
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  return values.map((value, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - (Math.max(0, value) / top) * (HEIGHT - 2)).toFixed(1)}`).join(" ");
}

export function Sparkline({ values, label, format, minScale = 0, className }: SparklineProps) {
  if (values.length < 2) {
    return <span className={cx("inline-block h-5 w-[72px] text-xs text-subtle", className)} aria-hidden="true" />;
  }
  const latest = values.at(-1)!;
  const description = `${label}, last ${values.length} samples: from ${format(Math.min(...values))} to ${format(Math.max(...values))}, now ${format(latest)}`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={description} className={cx("inline-block overflow-visible align-middle text-accent", className)} data-testid="sparkline">
      <title>{description}</title>
      <polyline points={sparklinePoints(values, minScale)} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
