"use client";
// How long work takes: task and subtask durations, and how long subtasks wait for an agent.
import { useQuery } from "@tanstack/react-query";
import { formatDuration } from "@/components/format/duration";
import { formatCount, plural } from "@/components/format/numbers";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { bucketColumn, toPoints, type CardProps } from "./analytics-data";
import { ChartCard, type DataColumn } from "./chart-card";
import { SeriesChart } from "./series-chart";

type DurationRow = RouterOutputs["analytics"]["durations"]["series"][number];
type WaitRow = RouterOutputs["analytics"]["queueWait"]["series"][number];

/** Under a second in milliseconds, since formatDuration would say "0s". */
/** Milliseconds below a second, tenths of a second below ten (so 1.4 s and 2.1 s ticks differ), then formatDuration's "42s", "3m 05s". */
const axisDuration = (value: number) => {
  if (value > 0 && value < 1000) return `${Math.round(value)} ms`;
  if (value >= 1000 && value < 10_000) return `${(value / 1000).toFixed(1).replace(/\.0$/, "")}s`;
  return formatDuration(value);
};
const ms = (value: number | null) => (value === null ? "—" : axisDuration(value));
/** How p50 and p95 are computed (server/services/analytics/duration-histogram.ts). */
const PERCENTILE_NOTE = "p50 and p95 are read from log-scale histograms (50 bins per power of ten), so each is within 4.7 % of the exact value.";

export function DurationCard({ input }: CardProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.analytics.durations.queryOptions(input));
  const rows = query.data?.series ?? [];
  const total = query.data?.total;
  const columns: DataColumn<DurationRow>[] = [
    bucketColumn(input.bucket),
    { label: "Tasks", csvLabel: "tasks", numeric: true, csv: (r) => r.tasks.count, display: (r) => formatCount(r.tasks.count) },
    { label: "Task p50", csvLabel: "task_p50_ms", numeric: true, csv: (r) => r.tasks.p50Ms, display: (r) => ms(r.tasks.p50Ms) },
    { label: "Task p95", csvLabel: "task_p95_ms", numeric: true, csv: (r) => r.tasks.p95Ms, display: (r) => ms(r.tasks.p95Ms) },
    { label: "Subtasks", csvLabel: "subtasks", numeric: true, csv: (r) => r.subtasks.count, display: (r) => formatCount(r.subtasks.count) },
    { label: "Subtask p50", csvLabel: "subtask_p50_ms", numeric: true, csv: (r) => r.subtasks.p50Ms, display: (r) => ms(r.subtasks.p50Ms) },
    { label: "Subtask p95", csvLabel: "subtask_p95_ms", numeric: true, csv: (r) => r.subtasks.p95Ms, display: (r) => ms(r.subtasks.p95Ms) },
  ];
  return (
    <ChartCard
      id="durations"
      title="Durations"
      description={
        total && total.tasks.count > 0
          ? `Succeeded work. Tasks (submitted → result): p50 ${ms(total.tasks.p50Ms)}, p95 ${ms(total.tasks.p95Ms)}. Subtasks (claimed → result): p50 ${ms(total.subtasks.p50Ms)}, p95 ${ms(total.subtasks.p95Ms)}.`
          : "p50 and p95 of succeeded tasks (submitted → result) and subtasks (claimed → result)."
      }
      state={query}
      rows={rows}
      columns={columns}
      empty={!total || total.tasks.count + total.subtasks.count === 0}
      emptyText="No task or subtask succeeded in this range."
      csvName="durations"
      footnote={PERCENTILE_NOTE}
      chart={
        <SeriesChart
          data={toPoints(rows, input.bucket, (r) => ({ taskP50: r.tasks.p50Ms, taskP95: r.tasks.p95Ms, subtaskP50: r.subtasks.p50Ms, subtaskP95: r.subtasks.p95Ms }))}
          series={[
            { key: "taskP50", name: "Task p50", color: "var(--chart-1)", kind: "line" },
            { key: "taskP95", name: "Task p95", color: "var(--chart-1)", kind: "line", dashed: true },
            { key: "subtaskP50", name: "Subtask p50", color: "var(--chart-6)", kind: "line" },
            { key: "subtaskP95", name: "Subtask p95", color: "var(--chart-6)", kind: "line", dashed: true },
          ]}
          formatValue={axisDuration}
        />
      }
    />
  );
}

export function QueueWaitCard({ input }: CardProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.analytics.queueWait.queryOptions(input));
  const rows = query.data?.series ?? [];
  const total = query.data?.total;
  const columns: DataColumn<WaitRow>[] = [
    bucketColumn(input.bucket),
    { label: "Subtasks", csvLabel: "subtasks", numeric: true, csv: (r) => r.count, display: (r) => formatCount(r.count) },
    { label: "p50", csvLabel: "wait_p50_ms", numeric: true, csv: (r) => r.p50Ms, display: (r) => ms(r.p50Ms) },
    { label: "p95", csvLabel: "wait_p95_ms", numeric: true, csv: (r) => r.p95Ms, display: (r) => ms(r.p95Ms) },
  ];
  return (
    <ChartCard
      id="queue-wait"
      title="Queue wait"
      description={
        total && total.count > 0
          ? `From queued to taken by an agent, ${plural(total.count, "subtask")}: p50 ${ms(total.p50Ms)}, p95 ${ms(total.p95Ms)}.`
          : "How long subtasks waited between being queued and an agent taking them."
      }
      state={query}
      rows={rows}
      columns={columns}
      empty={!total || total.count === 0}
      emptyText="No agent took a subtask in this range."
      csvName="queue-wait"
      footnote={PERCENTILE_NOTE}
      chart={
        <SeriesChart
          data={toPoints(rows, input.bucket, (r) => ({ p50: r.p50Ms, p95: r.p95Ms }))}
          series={[
            { key: "p50", name: "p50", color: "var(--chart-5)", kind: "line" },
            { key: "p95", name: "p95", color: "var(--chart-5)", kind: "line", dashed: true },
          ]}
          formatValue={axisDuration}
        />
      }
    />
  );
}
