"use client";
// Form for a new personal API token: a name, what it may do and how long it lives. The server
// validates; its message is shown as-is.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { clearAnswerOnEdit, formErrorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

export interface CreatedToken {
  name: string;
  token: string;
}

type Scope = "READ" | "WRITE";

/** The form's words for the API's field names, in refusals. */
const TOKEN_LABELS = { name: "Name", scope: "Access", expiresInDays: "Expires after" };

const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "365 days" },
  { value: "never", label: "Never" },
];

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Scope>("READ");
  const [expiry, setExpiry] = useState("90");
  const create = useMutation(
    trpc.token.create.mutationOptions({
      onSuccess: (created) => {
        setName("");
        onCreated({ name: created.name, token: created.token });
        return queryClient.invalidateQueries(trpc.token.list.queryFilter());
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate({ name, scope, expiresInDays: expiry === "never" ? null : Number(expiry) });
  };

  return (
    <form
      onSubmit={submit}
      onChange={clearAnswerOnEdit(create)}
      className="space-y-4 p-4"
      aria-describedby={create.error ? `${id}-error` : undefined}
    >
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-56 flex-1">
          <Label htmlFor={`${id}-name`} hint="what will use it, e.g. “CI deploy”">
            Name
          </Label>
          <Input
            id={`${id}-name`}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            autoComplete="off"
            disabled={create.isPending}
            aria-invalid={create.error ? true : undefined}
          />
        </div>
        <div>
          <Label htmlFor={`${id}-scope`}>Access</Label>
          <Select id={`${id}-scope`} name="scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)} disabled={create.isPending}>
            <option value="READ">Read — can only read</option>
            <option value="WRITE">Write — acts with your role</option>
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-expiry`}>Expires after</Label>
          <Select id={`${id}-expiry`} name="expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)} disabled={create.isPending}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </div>
      {create.error ? (
        <div id={`${id}-error`}>
          <Alert title="The token was not created">{formErrorMessage(create.error, TOKEN_LABELS)}</Alert>
        </div>
      ) : null}
    </form>
  );
}
