"use client";
// What the model calls cost: spend per bucket, tokens and cost per profile, model or person,
// and the plans' estimates against what succeeded tasks really cost.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatCount, plural } from "@/components/format/numbers";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { Select } from "@/components/ui/select";
import { formatUsd } from "@/server/client/format-usd";
import { bucketColumn, microsToDollars, toPoints, type CardProps } from "./analytics-data";
import { BreakdownChart } from "./breakdown-chart";
import { ChartCard, type DataColumn } from "./chart-card";
import { microsToUsd } from "./csv";
import { formatRate } from "./format-bucket";
import { SeriesChart } from "./series-chart";

type Usage = RouterOutputs["analytics"]["usage"];
type UsageRow = Usage["series"][number];
type BreakdownRow = Usage["byProfile"][number];
type EstimateRow = RouterOutputs["analytics"]["estimates"]["series"][number];

const dollars = (value: number) => formatUsd(Math.round(value * 1_000_000));

const usageColumns = <Row extends UsageRow | BreakdownRow>(): DataColumn<Row>[] => [
  { label: "Calls", csvLabel: "calls", numeric: true, csv: (r) => r.calls, display: (r) => formatCount(r.calls) },
  { label: "Input", csvLabel: "input_tokens", numeric: true, csv: (r) => r.inputTokens, display: (r) => formatCount(r.inputTokens) },
  { label: "Output", csvLabel: "output_tokens", numeric: true, csv: (r) => r.outputTokens, display: (r) => formatCount(r.outputTokens) },
  { label: "Cache read", csvLabel: "cache_read_tokens", numeric: true, csv: (r) => r.cacheReadTokens, display: (r) => formatCount(r.cacheReadTokens) },
  { label: "Cache write", csvLabel: "cache_write_tokens", numeric: true, csv: (r) => r.cacheWriteTokens, display: (r) => formatCount(r.cacheWriteTokens) },
  { label: "Cost", csvLabel: "cost_usd", numeric: true, csv: (r) => microsToUsd(r.costMicros), display: (r) => formatUsd(r.costMicros) },
];

export function SpendCard({ input }: CardProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.analytics.usage.queryOptions(input));
  const rows = query.data?.series ?? [];
  const total = query.data?.total;
  return (
    <ChartCard
      id="spend"
      title="Spend"
      description={total ? `${formatUsd(total.costMicros)} over ${plural(total.calls, "model call")}.` : "What model calls cost in each bucket."}
      state={query}
      rows={rows}
      columns={[bucketColumn<UsageRow>(input.bucket), ...usageColumns<UsageRow>()]}
      empty={!total || total.calls === 0}
      emptyText="No model call was made in this range."
      csvName="spend"
      chart={
        <SeriesChart
          data={toPoints(rows, input.bucket, (r) => ({ cost: microsToDollars(r.costMicros) }))}
          series={[{ key: "cost", name: "Cost", color: "var(--chart-1)", kind: "bar" }]}
          formatValue={dollars}
        />
      }
    />
  );
}

const DIMENSIONS = {
  profile: { label: "Agent profile", pick: (usage: Usage) => usage.byProfile },
  model: { label: "Model", pick: (usage: Usage) => usage.byModel },
  user: { label: "Person", pick: (usage: Usage) => usage.byUser },
} as const;
type Dimension = keyof typeof DIMENSIONS;

export function UsageBreakdownCard({ input }: CardProps) {
  const id = useId();
  const trpc = useTRPC();
  const [dimension, setDimension] = useState<Dimension>("profile");
  const query = useQuery(trpc.analytics.usage.queryOptions(input));
  const rows = query.data ? DIMENSIONS[dimension].pick(query.data) : [];
  const nameColumn: DataColumn<BreakdownRow> = { label: DIMENSIONS[dimension].label, csvLabel: dimension, csv: (r) => r.label };
  return (
    <ChartCard
      id="usage"
      title="Tokens and cost by profile, model and person"
      description="Every model call in the range; a person is the creator of the task the call worked for."
      state={query}
      rows={rows}
      columns={[nameColumn, ...usageColumns<BreakdownRow>()]}
      empty={rows.length === 0}
      emptyText="No model call was made in this range."
      csvName={`usage-by-${dimension}`}
      extra={
        <>
          <label htmlFor={`${id}-dimension`} className="sr-only">
            Break usage down by
          </label>
          <Select id={`${id}-dimension`} value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)} className="h-8">
            {Object.entries(DIMENSIONS).map(([value, { label }]) => (
              <option key={value} value={value}>
                By {label.toLowerCase()}
              </option>
            ))}
          </Select>
        </>
      }
      chart={<BreakdownChart items={rows.map((r) => ({ label: r.label, value: microsToDollars(r.costMicros) }))} name="Cost" color="var(--chart-1)" formatValue={dollars} />}
    />
  );
}

export function EstimateCard({ input }: CardProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.analytics.estimates.queryOptions(input));
  const rows = query.data?.series ?? [];
  const total = query.data?.total;
  const columns: DataColumn<EstimateRow>[] = [
    bucketColumn(input.bucket),
    { label: "Tasks", csvLabel: "tasks_with_estimate", numeric: true, csv: (r) => r.tasks, display: (r) => formatCount(r.tasks) },
    { label: "Estimated", csvLabel: "estimated_usd", numeric: true, csv: (r) => microsToUsd(r.estimatedMicros), display: (r) => formatUsd(r.estimatedMicros) },
    { label: "Actual", csvLabel: "actual_usd", numeric: true, csv: (r) => microsToUsd(r.actualMicros), display: (r) => formatUsd(r.actualMicros) },
    { label: "Actual ÷ estimate", csvLabel: "actual_to_estimate", numeric: true, csv: (r) => r.actualToEstimate?.toFixed(4), display: (r) => formatRate(r.actualToEstimate) },
    { label: "No estimate", csvLabel: "tasks_without_estimate", numeric: true, csv: (r) => r.withoutEstimate, display: (r) => formatCount(r.withoutEstimate) },
  ];
  return (
    <ChartCard
      id="estimates"
      title="Estimate against actual cost"
      description={
        total && total.tasks > 0
          ? `Succeeded tasks with a plan estimate: ${formatUsd(total.estimatedMicros)} estimated, ${formatUsd(total.actualMicros)} spent (${formatRate(total.actualToEstimate)} of the estimate).`
          : "The plan's cost estimate against what succeeded tasks cost."
      }
      state={query}
      rows={rows}
      columns={columns}
      empty={!total || total.tasks === 0}
      emptyText={total?.withoutEstimate ? `${plural(total.withoutEstimate, "task")} succeeded in this range, none with an estimate.` : "No task with an estimate succeeded in this range."}
      csvName="estimate-vs-actual"
      chart={
        <SeriesChart
          data={toPoints(rows, input.bucket, (r) => ({ estimated: microsToDollars(r.estimatedMicros), actual: microsToDollars(r.actualMicros) }))}
          series={[
            { key: "estimated", name: "Estimated", color: "var(--chart-5)", kind: "bar" },
            { key: "actual", name: "Actual", color: "var(--chart-1)", kind: "bar" },
          ]}
          formatValue={dollars}
        />
      }
    />
  );
}
