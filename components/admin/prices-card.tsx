"use client";
// The model price table: each model's prices in dollars per million tokens, set or replaced with
// the form above it, edited by loading a row into that form, or removed.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { mutedTableCell, Table, tableCell, type TableColumn } from "@/components/ui/table";
import { microsToUsd } from "@/server/services/costs/compute-cost";
import { ACTIONS_COLUMN } from "./actions-column";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EMPTY_DRAFT, PriceForm, type PriceDraft } from "./price-form";
import { TableSkeleton } from "@/components/ui/table-skeleton";

type PriceRow = RouterOutputs["pricing"]["list"][number];

const COLUMNS: TableColumn[] = [
  { label: "Model" },
  { label: "Input", numeric: true },
  { label: "Output", numeric: true },
  { label: "Cache write", numeric: true },
  { label: "Cache read", numeric: true },
  { label: "Updated" },
  ACTIONS_COLUMN,
];

const perMTok = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 6 });
const dollars = (micros: bigint) => perMTok.format(microsToUsd(micros));

export function PricesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prices = useQuery(trpc.pricing.list.queryOptions());
  const [draft, setDraft] = useState<PriceDraft>(EMPTY_DRAFT);
  // A row taken into the form for editing starts a new form: an earlier refusal is not about it.
  const [edits, setEdits] = useState(0);
  const remove = useMutation(trpc.pricing.remove.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.pricing.list.queryFilter()) }));

  const edit = (row: PriceRow) => {
    setEdits((n) => n + 1);
    setDraft({
      model: row.model,
      input: String(microsToUsd(row.inputMicrosPerMTok)),
      output: String(microsToUsd(row.outputMicrosPerMTok)),
      cacheWrite: String(microsToUsd(row.cacheWriteMicrosPerMTok)),
      cacheRead: String(microsToUsd(row.cacheReadMicrosPerMTok)),
    });
  };

  return (
    <Card>
      <CardHeader title="Model prices" description="Dollars per million tokens. A model missing here is recorded at cost 0, and its agents log a warning." />
      <PriceForm key={edits} draft={draft} onDraft={setDraft} />
      {remove.error ? (
        <div className="px-4 pt-4">
          <Alert title="The price was not removed">{errorMessage(remove.error)}</Alert>
        </div>
      ) : null}
      {prices.isPending ? (
        <TableSkeleton label="Loading prices" />
      ) : prices.isError ? (
        <div className="p-4">
          <Alert title="Could not load the prices">{errorMessage(prices.error)}</Alert>
        </div>
      ) : prices.data.length === 0 ? (
        <EmptyState title="No prices yet">Every call is recorded at cost 0 until its model has a price.</EmptyState>
      ) : (
        <Table columns={COLUMNS} label="Model prices">
          {prices.data.map((row) => (
            <tr key={row.model} data-testid="price-row">
              <td className={`${tableCell} font-mono text-foreground`}>{row.model}</td>
              <td className={`${mutedTableCell} text-right tabular-nums`}>{dollars(row.inputMicrosPerMTok)}</td>
              <td className={`${mutedTableCell} text-right tabular-nums`}>{dollars(row.outputMicrosPerMTok)}</td>
              <td className={`${mutedTableCell} text-right tabular-nums`}>{dollars(row.cacheWriteMicrosPerMTok)}</td>
              <td className={`${mutedTableCell} text-right tabular-nums`}>{dollars(row.cacheReadMicrosPerMTok)}</td>
              <td className={mutedTableCell} title={formatFullDate(row.updatedAt)}>
                {formatShortDate(row.updatedAt)}
              </td>
              <td className={`${tableCell} text-right`}>
                <span className="inline-flex items-center gap-2">
                  <Button size="sm" variant="ghost" onClick={() => edit(row)} aria-label={`Edit the prices of ${row.model}`}>
                    Edit
                  </Button>
                  <ConfirmButton
                    label="Remove"
                    question={`Remove ${row.model}?`}
                    confirmLabel="Remove"
                    pendingLabel="Removing…"
                    pending={remove.isPending && remove.variables?.model === row.model}
                    onConfirm={() => remove.mutate({ model: row.model })}
                    accessibleLabel={`Remove the price of ${row.model}`}
                  />
                </span>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
