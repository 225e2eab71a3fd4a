"use client";
// Horizontal bars for a ranking (cost per profile, failures per reason): long labels fit on the
// left, and the longest bar is the biggest item.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BreakdownItem {
  label: string;
  value: number;
}

const axisTick = { fill: "var(--subtle)", fontSize: 12 };
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function BreakdownChart({
  items,
  name,
  color,
  formatValue,
  wholeNumbers = false,
}: {
  items: BreakdownItem[];
  name: string;
  color: string;
  formatValue: (value: number) => string;
  wholeNumbers?: boolean;
}) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, items.length * 34 + 40)}>
      <BarChart data={items} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="var(--border)" horizontal={false} />
        <XAxis type="number" tick={axisTick} tickLine={false} axisLine={false} tickFormatter={(value: number) => formatValue(value)} allowDecimals={!wholeNumbers} />
        <YAxis type="category" dataKey="label" tick={axisTick} tickLine={false} axisLine={false} width={150} tickFormatter={(label: string) => truncate(label, 22)} />
        <Tooltip
          cursor={{ fill: "var(--surface-muted)" }}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12, color: "var(--foreground)" }}
          formatter={(value) => (typeof value === "number" ? formatValue(value) : "—")}
        />
        <Bar dataKey="value" name={name} fill={color} maxBarSize={22} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
