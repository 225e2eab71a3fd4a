"use client";
// A time-series chart over buckets: bars (optionally stacked) and lines on one axis, coloured
// from the theme's chart tokens so it follows the colour scheme.
import type { ReactNode } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  name: string;
  /** A CSS colour, normally `var(--chart-n)`. */
  color: string;
  kind: "bar" | "line";
  stack?: string;
  /** Dashed line, for a second statistic of the same quantity (p95 beside p50). */
  dashed?: boolean;
}

export type ChartPoint = { label: string; tick: string } & Record<string, number | string | null>;

const axisTick = { fill: "var(--subtle)", fontSize: 12 };

export function SeriesChart({
  data,
  series,
  formatValue,
  wholeNumbers = false,
  height = 240,
}: {
  data: ChartPoint[];
  series: ChartSeries[];
  formatValue: (value: number) => string;
  /** Counts: no axis ticks between whole numbers. */
  wholeNumbers?: boolean;
  height?: number;
}) {
  // Recharts sorts legend and tooltip items by name; keep them in the series' (the bars') order.
  const seriesOrder = (item: { dataKey?: unknown }) => series.findIndex((s) => s.key === item.dataKey);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="tick" tick={axisTick} tickLine={false} axisLine={{ stroke: "var(--border-strong)" }} minTickGap={16} />
        <YAxis tick={axisTick} tickLine={false} axisLine={false} width={64} tickFormatter={(value: number) => formatValue(value)} allowDecimals={!wholeNumbers} />
        <Tooltip
          cursor={{ fill: "var(--surface-muted)" }}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12, color: "var(--foreground)" }}
          labelFormatter={(_, payload) => (payload?.[0]?.payload as ChartPoint | undefined)?.label ?? ""}
          formatter={(value) => (typeof value === "number" ? formatValue(value) : "—")}
          itemSorter={seriesOrder}
        />
        <Legend wrapperStyle={{ fontSize: 12, color: "var(--muted)" }} iconSize={10} itemSorter={seriesOrder} />
        {series.map((s): ReactNode =>
          s.kind === "bar" ? (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={s.stack} maxBarSize={36} isAnimationActive={false} />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "5 4" : undefined}
              dot={data.length < 40 ? { r: 2.5, fill: s.color } : false}
              connectNulls
              isAnimationActive={false}
            />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
