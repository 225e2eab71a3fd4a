"use client";
// Members with their role, sign-in history and status. Each row changes its member's role (a role
// picked in the menu is only saved once confirmed, so arrowing through the menu changes nothing)
// or removes/restores them, and shows the server's refusal right under the row.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { formatAge, formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { mutedTableCell, Table, type TableColumn } from "@/components/ui/table";
import { ROLE_LABELS } from "@/server/auth/roles";
import type { Role } from "@/server/db/generated/enums";
import { ACTIONS_COLUMN } from "./actions-column";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { canGrant, memberLockReason, ROLES_STRONGEST_FIRST, type PageActor } from "./member-permissions";

export type MemberView = RouterOutputs["member"]["list"]["items"][number];

const COLUMNS: TableColumn[] = [
  { label: "Member" },
  { label: "Role" },
  { label: "Joined" },
  { label: "Last sign-in" },
  { label: "Status" },
  ACTIONS_COLUMN,
];


export function MemberTable({ members, actor }: { members: MemberView[]; actor: PageActor }) {
  return (
    <Table columns={COLUMNS} label="Members">
      {members.map((member) => (
        <MemberRow key={member.id} member={member} actor={actor} />
      ))}
    </Table>
  );
}

function useMemberMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Stay pending until the list shows the change, so controls never flash the old state.
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries(trpc.member.list.pathFilter()), queryClient.invalidateQueries(trpc.audit.list.pathFilter())]);
  // A refusal often means this page's picture is out of date (someone else changed the member).
  const reload = () => void queryClient.invalidateQueries(trpc.member.list.pathFilter());
  const setRole = useMutation(trpc.member.setRole.mutationOptions({ onSuccess: refresh, onError: reload }));
  const setDisabled = useMutation(trpc.member.setDisabled.mutationOptions({ onSuccess: refresh, onError: reload }));
  return { setRole, setDisabled };
}

function MemberRow({ member, actor }: { member: MemberView; actor: PageActor }) {
  const now = useNow();
  const { setRole, setDisabled } = useMemberMutations();
  const isSelf = member.id === actor.userId;
  const lockReason = memberLockReason(actor, member);
  const removed = member.disabledAt !== null;
  // A role picked in the menu and not yet confirmed; null once saved or dropped.
  const [picked, setPicked] = useState<Role | null>(null);
  // Keyboard focus goes back to the menu once the confirm buttons it was on are gone.
  const roleMenu = useRef<HTMLSelectElement>(null);
  const backToMenu = () => requestAnimationFrame(() => roleMenu.current?.focus());
  const staged = picked !== null && picked !== member.role && !setRole.isPending ? picked : null;
  const shownRole = setRole.isPending ? setRole.variables.role : (staged ?? member.role);
  const error = setRole.error ?? setDisabled.error;
  const who = member.name ? `${member.name} (${member.email})` : member.email;

  const changeRole = (role: Role) => {
    setDisabled.reset();
    setPicked(null);
    setRole.mutate({ userId: member.id, role }, { onSettled: backToMenu });
  };
  const changeDisabled = (disabled: boolean) => {
    setRole.reset();
    setDisabled.mutate({ userId: member.id, disabled });
  };

  return (
    <>
      <tr data-testid="member-row" data-email={member.email} className={removed ? "bg-surface-muted/40" : undefined}>
        <td className="max-w-72 px-3 py-2.5">
          <div className="flex items-center gap-2">
            <span className={`truncate font-medium ${removed ? "text-muted" : "text-foreground"}`} title={member.email}>
              {member.email}
            </span>
            {isSelf ? <Badge tone="accent">You</Badge> : null}
          </div>
          <span className="block truncate text-xs text-subtle">{member.name ?? "No name"}</span>
        </td>
        <td className={mutedTableCell}>
          {lockReason ? (
            <span title={lockReason}>
              <span className="text-foreground">{ROLE_LABELS[member.role]}</span>
              <span className="block text-xs text-subtle">{isSelf ? "your role" : "owner only"}</span>
            </span>
          ) : (
            <>
              <Select
                ref={roleMenu}
                aria-label={`Role of ${member.email}`}
                value={shownRole}
                onChange={(e) => {
                  setRole.reset();
                  setPicked(e.target.value as Role);
                }}
                onKeyDown={(e) => {
                  if (e.key === "Escape" && staged) setPicked(null);
                }}
                disabled={setRole.isPending}
                className="h-8 min-w-32"
              >
                {ROLES_STRONGEST_FIRST.map((role) => (
                  <option key={role} value={role} disabled={role !== member.role && !canGrant(actor, role)}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </Select>
              {staged ? (
                <span role="group" aria-label={`Confirm the new role for ${member.email}`} className="mt-1.5 flex flex-wrap items-center gap-1.5">
                  <Button size="sm" variant="primary" onClick={() => changeRole(staged)}>
                    Make {ROLE_LABELS[staged].toLowerCase()}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => {
                      setPicked(null);
                      backToMenu();
                    }}
                  >
                    Keep {ROLE_LABELS[member.role].toLowerCase()}
                  </Button>
                </span>
              ) : null}
            </>
          )}
        </td>
        <td className={mutedTableCell} title={formatFullDate(member.createdAt)}>
          {formatShortDate(member.createdAt)}
        </td>
        <td className={mutedTableCell} title={member.lastSignInAt ? formatFullDate(member.lastSignInAt) : undefined}>
          {member.lastSignInAt ? formatAge(now - member.lastSignInAt.getTime()) : <span className="text-subtle">never</span>}
        </td>
        <td className={mutedTableCell} title={member.disabledAt ? `Removed ${formatFullDate(member.disabledAt)}` : undefined}>
          {removed ? <Badge tone="halted">Removed</Badge> : <Badge tone="success">Active</Badge>}
        </td>
        <td className={`${mutedTableCell} text-right`}>
          {isSelf ? null : removed ? (
            <Button size="sm" onClick={() => changeDisabled(false)} disabled={Boolean(lockReason) || setDisabled.isPending} title={lockReason ?? undefined} aria-label={`Restore ${who}`}>
              {setDisabled.isPending ? "Restoring…" : "Restore"}
            </Button>
          ) : (
            <ConfirmButton
              label="Remove"
              accessibleLabel={`Remove ${who}`}
              question="Remove and sign out?"
              confirmLabel="Remove"
              pendingLabel="Removing…"
              pending={setDisabled.isPending}
              onConfirm={() => changeDisabled(true)}
              disabled={Boolean(lockReason)}
              title={lockReason ?? undefined}
            />
          )}
        </td>
      </tr>
      {error ? (
        <tr>
          <td colSpan={COLUMNS.length} className="px-3 pb-3">
            <Alert title={`Could not update ${member.email}`}>{errorMessage(error)}</Alert>
          </td>
        </tr>
      ) : null}
    </>
  );
}
