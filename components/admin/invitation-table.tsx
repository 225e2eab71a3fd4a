"use client";
// Invitations, newest first: who was invited as what, by whom, until when, and whether it was used.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, type TableColumn, tableCell, mutedTableCell } from "@/components/ui/table";
import { ROLE_LABELS } from "@/server/auth/roles";
import { ACTIONS_COLUMN } from "./actions-column";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { INVITATION_STATUS_LOOKS, invitationStatus } from "./invitation-status";
import { canGrant, type PageActor } from "./member-permissions";

export type InvitationView = RouterOutputs["invitation"]["list"]["items"][number];

const COLUMNS: TableColumn[] = [
  { label: "E-mail" },
  { label: "Role" },
  { label: "Invited by" },
  { label: "Expires" },
  { label: "Status" },
  ACTIONS_COLUMN,
];


export function InvitationTable({ invitations, actor }: { invitations: InvitationView[]; actor: PageActor }) {
  return (
    <Table columns={COLUMNS} label="Invitations">
      {invitations.map((invitation) => (
        <InvitationRow key={invitation.id} invitation={invitation} actor={actor} />
      ))}
    </Table>
  );
}

function InvitationRow({ invitation, actor }: { invitation: InvitationView; actor: PageActor }) {
  const now = useNow();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries(trpc.invitation.list.pathFilter()), queryClient.invalidateQueries(trpc.audit.list.pathFilter())]),
    }),
  );
  const status = invitationStatus(invitation, now);
  const look = INVITATION_STATUS_LOOKS[status];
  const mayRevoke = canGrant(actor, invitation.role);

  return (
    <>
      <tr data-testid="invitation-row" data-email={invitation.email} data-status={status}>
        <td className={`${tableCell} max-w-72 truncate font-medium text-foreground`} title={invitation.email}>
          {invitation.email}
        </td>
        <td className={mutedTableCell}>{ROLE_LABELS[invitation.role]}</td>
        <td className={`${mutedTableCell} max-w-56 truncate`} title={invitation.invitedByEmail ?? undefined}>
          {invitation.invitedByEmail ?? "—"}
        </td>
        <td className={mutedTableCell} title={formatFullDate(invitation.expiresAt)}>
          {status === "accepted" ? "—" : formatShortDate(invitation.expiresAt)}
        </td>
        <td className={mutedTableCell} title={invitation.acceptedAt ? `Accepted ${formatFullDate(invitation.acceptedAt)}` : undefined}>
          <Badge tone={look.tone}>{look.label}</Badge>
        </td>
        <td className={`${mutedTableCell} text-right`}>
          {status === "pending" ? (
            <ConfirmButton
              label="Revoke"
              accessibleLabel={`Revoke the invitation for ${invitation.email}`}
              question="Revoke this invitation?"
              confirmLabel="Revoke"
              pendingLabel="Revoking…"
              pending={revoke.isPending}
              onConfirm={() => revoke.mutate({ id: invitation.id })}
              disabled={!mayRevoke}
              title={mayRevoke ? undefined : "Only an owner can revoke an invitation to the admin or owner role."}
            />
          ) : null}
        </td>
      </tr>
      {revoke.error ? (
        <tr>
          <td colSpan={COLUMNS.length} className="px-3 pb-3">
            <Alert title={`Could not revoke the invitation for ${invitation.email}`}>{errorMessage(revoke.error)}</Alert>
          </td>
        </tr>
      ) : null}
    </>
  );
}
