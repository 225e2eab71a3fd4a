"use client";
// What Claude usage cost over a recent period: per agent profile and per person who created the
// tasks, summed by the database over every recorded model call.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatCount } from "@/components/format/numbers";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { mutedTableCell, Table, tableCell, type TableColumn } from "@/components/ui/table";
import { formatUsd } from "@/server/client/format-usd";
import { TableSkeleton } from "@/components/ui/table-skeleton";

type CostRow = RouterOutputs["cost"]["summary"]["byProfile"][number];

const PERIODS = [
  { days: 1, label: "Last 24 hours" },
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
];
const DAY_MS = 86_400_000;

/** The period's bounds, rounded to the minute so the query key (and cache) holds still while the page is open. */
function periodOf(days: number) {
  const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}

export function CostSummaryCard() {
  const id = useId();
  const trpc = useTRPC();
  const [days, setDays] = useState(30);
  const [range, setRange] = useState(() => periodOf(30));
  const summary = useQuery(trpc.cost.summary.queryOptions(range));

  const choose = (next: number) => {
    setDays(next);
    setRange(periodOf(next));
  };

  return (
    <Card>
      <CardHeader
        title="Spend"
        description={summary.data ? `${formatUsd(summary.data.totalMicros)} in total over the period.` : "What model calls cost over the period."}
        actions={
          <>
            <label htmlFor={`${id}-period`} className="sr-only">
              Period
            </label>
            <Select id={`${id}-period`} value={days} onChange={(e) => choose(Number(e.target.value))}>
              {PERIODS.map((period) => (
                <option key={period.days} value={period.days}>
                  {period.label}
                </option>
              ))}
            </Select>
          </>
        }
      />
      {summary.isPending ? (
        <TableSkeleton label="Loading spend" rows={2} />
      ) : summary.isError ? (
        <div className="p-4">
          <Alert title="Could not load the spend">{errorMessage(summary.error)}</Alert>
        </div>
      ) : (
        <div className="grid gap-px bg-border lg:grid-cols-2">
          <CostTable title="Per agent profile" nameLabel="Profile" rows={summary.data.byProfile} />
          <CostTable title="Per person" nameLabel="Person" rows={summary.data.byUser} />
        </div>
      )}
    </Card>
  );
}

function CostTable({ title, nameLabel, rows }: { title: string; nameLabel: string; rows: CostRow[] }) {
  const columns: TableColumn[] = [{ label: nameLabel }, { label: "Calls", numeric: true }, { label: "Tokens in / out", numeric: true }, { label: "Cost", numeric: true }];
  return (
    // min-w-0: a grid item would otherwise grow to its table's width on narrow screens instead of scrolling it.
    <section className="min-w-0 bg-surface" aria-label={title}>
      <h3 className="px-4 pt-3 pb-2 text-xs font-medium text-muted">{title}</h3>
      {rows.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-muted">No model calls in this period.</p>
      ) : (
        <Table columns={columns} label={title}>
          {rows.map((row) => (
            <tr key={row.key ?? "none"} data-testid="cost-row">
              <td className={`${tableCell} max-w-56 truncate text-foreground`} title={row.label}>
                {row.label}
              </td>
              <td className={`${mutedTableCell} text-right tabular-nums`}>{formatCount(row.calls)}</td>
              <td className={`${mutedTableCell} text-right tabular-nums`}>
                {formatCount(row.inputTokens)} / {formatCount(row.outputTokens)}
              </td>
              <td className={`${tableCell} text-right font-medium tabular-nums text-foreground`}>{formatUsd(row.costMicros)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
