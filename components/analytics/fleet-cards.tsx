"use client";
// Agent utilisation: time running subtasks ÷ time alive, over time and per profile.
import { useQuery } from "@tanstack/react-query";
import { formatDuration } from "@/components/format/duration";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { bucketColumn, toPoints, type CardProps } from "./analytics-data";
import { BreakdownChart } from "./breakdown-chart";
import { ChartCard, type DataColumn } from "./chart-card";
import { formatRate } from "./format-bucket";
import { SeriesChart } from "./series-chart";

type Utilisation = RouterOutputs["analytics"]["utilisation"];
type UtilisationRow = Utilisation["series"][number];
type ProfileRow = Utilisation["byProfile"][number];

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

const timeColumns = <Row extends UtilisationRow | ProfileRow>(): DataColumn<Row>[] => [
  { label: "Utilisation", csvLabel: "utilisation", numeric: true, csv: (r) => r.utilisation?.toFixed(4), display: (r) => formatRate(r.utilisation) },
  { label: "Busy", csvLabel: "busy_seconds", numeric: true, csv: (r) => Math.round(r.busySeconds), display: (r) => formatDuration(r.busySeconds * 1000) },
  { label: "Alive", csvLabel: "alive_seconds", numeric: true, csv: (r) => Math.round(r.aliveSeconds), display: (r) => formatDuration(r.aliveSeconds * 1000) },
];

export function UtilisationCards({ input }: CardProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.analytics.utilisation.queryOptions(input));
  const rows = query.data?.series ?? [];
  const total = query.data?.total;
  const byProfile = query.data?.byProfile ?? [];
  const nameColumn: DataColumn<ProfileRow> = { label: "Profile", csvLabel: "profile", csv: (r) => r.profile };
  return (
    <>
      <ChartCard
        id="utilisation"
        title="Agent utilisation"
        description={
          total && total.aliveSeconds > 0
            ? `Time agents spent running subtasks ÷ time they were alive: ${formatRate(total.utilisation)} over the range.`
            : "Time agents spent running subtasks ÷ time they were alive."
        }
        state={query}
        rows={rows}
        columns={[bucketColumn<UtilisationRow>(input.bucket), ...timeColumns<UtilisationRow>()]}
        empty={!total || total.aliveSeconds === 0}
        emptyText="No agent process was alive in this range."
        csvName="agent-utilisation"
        chart={
          <SeriesChart
            data={toPoints(rows, input.bucket, (r) => ({ utilisation: percent(r.utilisation) }))}
            series={[{ key: "utilisation", name: "Utilisation", color: "var(--chart-6)", kind: "line" }]}
            formatValue={(value) => `${value}%`}
          />
        }
      />
      <ChartCard
        id="utilisation-by-profile"
        title="Utilisation by profile"
        description="Over the whole range, per agent profile."
        state={query}
        rows={byProfile}
        columns={[nameColumn, ...timeColumns<ProfileRow>()]}
        empty={byProfile.length === 0}
        emptyText="No agent process was alive in this range."
        csvName="agent-utilisation-by-profile"
        chart={<BreakdownChart items={byProfile.map((r) => ({ label: r.profile, value: percent(r.utilisation) ?? 0 }))} name="Utilisation" color="var(--chart-6)" formatValue={(value) => `${value}%`} />}
      />
    </>
  );
}
