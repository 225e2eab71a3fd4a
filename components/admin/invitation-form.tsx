"use client";
// Invite someone by e-mail with a role and an expiry. Baton sends no e-mail, so on success the
// form says where the person should sign in.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { formatShortDate } from "@/components/format/time";
import { clearAnswerOnEdit, formErrorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ROLE_LABELS } from "@/server/auth/roles";
import type { Role } from "@/server/db/generated/enums";
import { canGrant, ROLES_STRONGEST_FIRST, type PageActor } from "./member-permissions";

const EXPIRY_DAYS = [1, 7, 14, 30, 90];
/** The form's words for the API's field names, in refusals. */
const INVITATION_LABELS = { email: "E-mail", role: "Role", expiresInDays: "Valid for" };

export function InvitationForm({ actor, baseUrl }: { actor: PageActor; baseUrl: string }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("MEMBER");
  const [expiresInDays, setExpiresInDays] = useState(14);
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: () => {
        // Back to the everyday role, so the next invitation is not an admin one by accident.
        setEmail("");
        setRole("MEMBER");
        return Promise.all([queryClient.invalidateQueries(trpc.invitation.list.pathFilter()), queryClient.invalidateQueries(trpc.audit.list.pathFilter())]);
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (invite.isPending) return;
    invite.mutate({ email, role, expiresInDays });
  };

  return (
    <form
      onSubmit={submit}
      onChange={clearAnswerOnEdit(invite)}
      className="space-y-4 border-b border-border p-4"
      aria-describedby={invite.error ? `${id}-error` : undefined}
    >
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-56 flex-1">
          <Label htmlFor={`${id}-email`}>E-mail</Label>
          <Input
            id={`${id}-email`}
            name="email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="name@example.com"
            autoComplete="off"
            disabled={invite.isPending}
            aria-invalid={invite.error ? true : undefined}
          />
        </div>
        <div>
          <Label htmlFor={`${id}-role`}>Role</Label>
          <Select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={invite.isPending}>
            {ROLES_STRONGEST_FIRST.map((option) => (
              <option key={option} value={option} disabled={!canGrant(actor, option)}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-expiry`}>Valid for</Label>
          <Select id={`${id}-expiry`} name="expiresInDays" value={expiresInDays} onChange={(e) => setExpiresInDays(Number(e.target.value))} disabled={invite.isPending}>
            {EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {days === 1 ? "1 day" : `${days} days`}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="primary" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </Button>
      </div>
      {invite.error ? (
        <div id={`${id}-error`}>
          <Alert title="The invitation was not created">{formErrorMessage(invite.error, INVITATION_LABELS)}</Alert>
        </div>
      ) : invite.data ? (
        <Alert tone="info" title={`Invited ${invite.data.email} as ${ROLE_LABELS[invite.data.role].toLowerCase()}`}>
          Baton does not send e-mail: ask them to sign in at <span className="font-mono">{baseUrl}/signin</span> with this address before{" "}
          {formatShortDate(invite.data.expiresAt)}.
        </Alert>
      ) : null}
    </form>
  );
}
