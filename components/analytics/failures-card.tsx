"use client";
// The most frequent failure reasons in the range, each linking to the latest task it hit.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatCount } from "@/components/format/numbers";
import { formatShortDate } from "@/components/format/time";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import type { CardProps } from "./analytics-data";
import { BreakdownChart } from "./breakdown-chart";
import { ChartCard, type DataColumn } from "./chart-card";

type FailureRow = RouterOutputs["analytics"]["failures"][number];

const columns: DataColumn<FailureRow>[] = [
  {
    label: "Reason",
    csvLabel: "reason",
    csv: (r) => r.reason,
    display: (r) => (
      <span className="block max-w-md truncate whitespace-normal" title={r.reason}>
        {r.reason}
      </span>
    ),
  },
  { label: "Of a", csvLabel: "kind", csv: (r) => r.kind },
  { label: "Count", csvLabel: "count", numeric: true, csv: (r) => r.count, display: (r) => formatCount(r.count) },
  { label: "Last seen", csvLabel: "last_at_utc", csv: (r) => r.lastAt.toISOString(), display: (r) => formatShortDate(r.lastAt) },
  {
    label: "Latest task",
    csvLabel: "latest_task_id",
    csv: (r) => r.lastTaskId,
    display: (r) => (
      <Link href={`/tasks/${r.lastTaskId}`} className="text-accent hover:underline">
        Open
      </Link>
    ),
  },
];

export function FailuresCard({ input }: CardProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.analytics.failures.queryOptions(input));
  const rows = query.data ?? [];
  return (
    <ChartCard
      id="failures"
      title="Top failure reasons"
      description="Failed subtasks by their reason, and failed tasks whose reason is not a failed subtask (invalid plan, timeout). The ten most frequent."
      state={query}
      rows={rows}
      columns={columns}
      empty={rows.length === 0}
      emptyText="Nothing failed in this range."
      csvName="failure-reasons"
      chart={<BreakdownChart items={rows.map((r) => ({ label: r.reason, value: r.count }))} name="Failures" color="var(--chart-3)" formatValue={formatCount} wholeNumbers />}
    />
  );
}
