"use client";
// The signed-in user's API tokens: identified by their visible prefix, with use, expiry and
// status, and a revoke step for the ones that still work.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ACTIONS_COLUMN } from "@/components/admin/actions-column";
import { formatCalendarDate } from "@/components/admin/calendar-date";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatAge, formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, type TableColumn, tableCell, mutedTableCell } from "@/components/ui/table";
import { TOKEN_STATUS_LOOKS, tokenStatus } from "./token-status";

export type TokenView = RouterOutputs["token"]["list"][number];

const COLUMNS: TableColumn[] = [
  { label: "Name" },
  { label: "Access" },
  { label: "Token" },
  { label: "Created" },
  { label: "Last used" },
  { label: "Expires" },
  { label: "Status" },
  ACTIONS_COLUMN,
];


export function TokenTable({ tokens }: { tokens: TokenView[] }) {
  return (
    <Table columns={COLUMNS} label="API tokens">
      {tokens.map((token) => (
        <TokenRow key={token.id} token={token} />
      ))}
    </Table>
  );
}

function TokenRow({ token }: { token: TokenView }) {
  const now = useNow();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Pending until the list has the revocation, so the row never flashes back to "active".
  const revoke = useMutation(trpc.token.revoke.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.token.list.queryFilter()) }));
  const status = tokenStatus(token, now);
  const look = TOKEN_STATUS_LOOKS[status];

  return (
    <>
      <tr data-testid="token-row" data-status={status} className={status === "active" ? undefined : "bg-surface-muted/40"}>
        <td className={`${tableCell} max-w-64 truncate font-medium ${status === "active" ? "text-foreground" : "text-muted"}`} title={token.name}>
          {token.name}
        </td>
        <td className={mutedTableCell}>
          <Badge tone={token.scope === "WRITE" ? "accent" : "neutral"}>{token.scope === "WRITE" ? "Write" : "Read"}</Badge>
        </td>
        <td className={`${tableCell} font-mono text-xs text-foreground`} data-testid="token-prefix">
          {token.prefix}…
        </td>
        <td className={mutedTableCell} title={formatFullDate(token.createdAt)}>
          {formatShortDate(token.createdAt)}
        </td>
        <td className={mutedTableCell} title={token.lastUsedAt ? formatFullDate(token.lastUsedAt) : undefined} data-testid="token-last-used">
          {token.lastUsedAt ? formatAge(now - token.lastUsedAt.getTime()) : <span className="text-subtle">never</span>}
        </td>
        <td className={mutedTableCell} title={token.expiresAt ? formatFullDate(token.expiresAt) : undefined}>
          {token.expiresAt ? formatCalendarDate(token.expiresAt) : <span className="text-subtle">never</span>}
        </td>
        <td className={mutedTableCell} title={token.revokedAt ? `Revoked ${formatFullDate(token.revokedAt)}` : undefined}>
          <Badge tone={look.tone}>{look.label}</Badge>
        </td>
        <td className={`${mutedTableCell} text-right`}>
          {status === "active" ? (
            <ConfirmButton
              label="Revoke"
              accessibleLabel={`Revoke ${token.name}`}
              question="Revoke this token?"
              confirmLabel="Revoke token"
              pendingLabel="Revoking…"
              pending={revoke.isPending}
              onConfirm={() => revoke.mutate({ id: token.id })}
            />
          ) : null}
        </td>
      </tr>
      {revoke.error ? (
        <tr>
          <td colSpan={COLUMNS.length} className="px-3 pb-3">
            <Alert title={`Could not revoke “${token.name}”`}>{errorMessage(revoke.error)}</Alert>
          </td>
        </tr>
      ) : null}
    </>
  );
}
