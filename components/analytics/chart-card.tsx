"use client";
// One analytics card: a chart or, at a click, the same numbers as a table, and a CSV download of
// those numbers. Loading, error and empty states are handled here so every card behaves alike.
import { useState, type ReactNode } from "react";
import { errorMessage } from "@/components/live/error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, tableCell } from "@/components/ui/table";
import { cx } from "@/components/ui/class-names";
import { downloadCsv, toCsv, type CsvValue } from "./csv";

export interface DataColumn<Row> {
  label: string;
  /** The column's heading in the CSV file, machine-friendly (snake_case, with the unit). */
  csvLabel: string;
  numeric?: boolean;
  /** The raw value written to the CSV file. */
  csv: (row: Row) => CsvValue;
  /** What the table shows; the CSV value when left out. */
  display?: (row: Row) => ReactNode;
}

export interface ChartCardProps<Row> {
  id: string;
  title: string;
  description: ReactNode;
  /** The query behind the card. */
  state: { isPending: boolean; isError: boolean; error: unknown };
  rows: Row[];
  columns: DataColumn<Row>[];
  /** Nothing to draw: the empty state is shown instead of an empty chart. */
  empty: boolean;
  emptyText: string;
  chart: ReactNode;
  /** File name without extension; the range is appended by the page. */
  csvName: string;
  /** Controls shown beside the view toggle (a dimension picker). */
  extra?: ReactNode;
  /** A note under the chart and the table: how the numbers are computed. */
  footnote?: ReactNode;
  className?: string;
}

export function ChartCard<Row>({ id, title, description, state, rows, columns, empty, emptyText, chart, csvName, extra, footnote, className }: ChartCardProps<Row>) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const ready = !state.isPending && !state.isError;
  const download = () => downloadCsv(`${csvName}.csv`, toCsv(columns.map((c) => c.csvLabel), rows.map((row) => columns.map((c) => c.csv(row)))));

  return (
    <Card className={cx("flex min-w-0 flex-col", className)} aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <CardHeader
        title={<span id={`${id}-title`}>{title}</span>}
        description={description}
        actions={
          <>
            {extra}
            <div role="group" aria-label={`${title}: view`} className="inline-flex rounded-md border border-border-strong p-0.5">
              {(["chart", "table"] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  aria-pressed={view === option}
                  onClick={() => setView(option)}
                  className={cx(
                    "rounded px-2.5 py-1 text-xs font-medium transition-colors",
                    view === option ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-muted hover:text-foreground",
                  )}
                >
                  {option === "chart" ? "Chart" : "Table"}
                </button>
              ))}
            </div>
            <Button size="sm" onClick={download} disabled={!ready || rows.length === 0} aria-label={`Download ${title} as CSV`}>
              CSV
            </Button>
          </>
        }
      />
      <div className="flex-1">
        {state.isPending ? (
          <div className="p-4" aria-busy="true" aria-label={`Loading ${title}`}>
            <Skeleton className="h-56 w-full" />
          </div>
        ) : state.isError ? (
          <div className="p-4">
            <Alert title={`Could not load ${title.toLowerCase()}`}>{errorMessage(state.error)}</Alert>
          </div>
        ) : view === "table" && rows.length === 0 ? (
          <EmptyState title="Nothing in this range" className="py-16">
            {emptyText}
          </EmptyState>
        ) : view === "table" ? (
          <Table columns={columns.map((c) => ({ label: c.label, numeric: c.numeric }))}>
            {rows.map((row, index) => (
              <tr key={index} data-testid="analytics-row">
                {columns.map((column) => (
                  <td key={column.label} className={cx(tableCell, column.numeric ? "text-right tabular-nums text-muted" : "text-foreground")}>
                    {column.display ? column.display(row) : String(column.csv(row) ?? "—")}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
        ) : empty ? (
          <EmptyState title="Nothing in this range" className="py-16">
            {emptyText}
          </EmptyState>
        ) : (
          <figure className="px-2 py-3" aria-label={`${title} chart. Switch to Table for the numbers.`}>
            {chart}
          </figure>
        )}
      </div>
      {footnote ? <p className="border-t border-border px-4 py-2 text-xs text-muted">{footnote}</p> : null}
    </Card>
  );
}
