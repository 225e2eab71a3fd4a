"use client";
// Tasks by outcome (stacked bars) and the success rate over time, from one query.
import { useQuery } from "@tanstack/react-query";
import { formatCount, plural } from "@/components/format/numbers";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { bucketColumn, toPoints, type CardProps } from "./analytics-data";
import { ChartCard, type DataColumn } from "./chart-card";
import { formatRate } from "./format-bucket";
import { SeriesChart } from "./series-chart";

type OutcomeRow = RouterOutputs["analytics"]["outcomes"]["series"][number];

export function OutcomeCards({ input }: CardProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.analytics.outcomes.queryOptions(input));
  const rows = query.data?.series ?? [];
  const total = query.data?.total;
  const columns: DataColumn<OutcomeRow>[] = [
    bucketColumn(input.bucket),
    { label: "Succeeded", csvLabel: "succeeded", numeric: true, csv: (r) => r.succeeded, display: (r) => formatCount(r.succeeded) },
    { label: "Failed", csvLabel: "failed", numeric: true, csv: (r) => r.failed, display: (r) => formatCount(r.failed) },
    { label: "Cancelled", csvLabel: "cancelled", numeric: true, csv: (r) => r.cancelled, display: (r) => formatCount(r.cancelled) },
    { label: "Success rate", csvLabel: "success_rate", numeric: true, csv: (r) => r.successRate?.toFixed(4), display: (r) => formatRate(r.successRate) },
  ];
  const finished = total ? total.succeeded + total.failed + total.cancelled : 0;

  return (
    <>
      <ChartCard
        id="outcomes"
        title="Tasks by outcome"
        description={total ? `${plural(finished, "task")} finished: ${formatCount(total.succeeded)} succeeded, ${formatCount(total.failed)} failed, ${formatCount(total.cancelled)} cancelled.` : "Tasks that finished in each bucket, by how they ended."}
        state={query}
        rows={rows}
        columns={columns}
        empty={finished === 0}
        emptyText="No task finished in this range."
        csvName="tasks-by-outcome"
        chart={
          <SeriesChart
            data={toPoints(rows, input.bucket, (r) => ({ succeeded: r.succeeded, failed: r.failed, cancelled: r.cancelled }))}
            series={[
              { key: "succeeded", name: "Succeeded", color: "var(--chart-2)", kind: "bar", stack: "outcome" },
              { key: "failed", name: "Failed", color: "var(--chart-3)", kind: "bar", stack: "outcome" },
              { key: "cancelled", name: "Cancelled", color: "var(--chart-4)", kind: "bar", stack: "outcome" },
            ]}
            formatValue={formatCount}
            wholeNumbers
          />
        }
      />
      <ChartCard
        id="success-rate"
        title="Success rate"
        description={`Succeeded ÷ (succeeded + failed); cancelled tasks are left out. Over the range: ${formatRate(total?.successRate ?? null)}.`}
        state={query}
        rows={rows}
        columns={[columns[0]!, columns[4]!, columns[1]!, columns[2]!]}
        empty={!total || total.successRate === null}
        emptyText="No task succeeded or failed in this range."
        csvName="success-rate"
        chart={
          <SeriesChart
            data={toPoints(rows, input.bucket, (r) => ({ rate: r.successRate === null ? null : Math.round(r.successRate * 1000) / 10 }))}
            series={[{ key: "rate", name: "Success rate", color: "var(--chart-2)", kind: "line" }]}
            formatValue={(value) => `${value}%`}
          />
        }
      />
    </>
  );
}
