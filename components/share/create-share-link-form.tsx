"use client";
// The form that creates a share link: how long it works and whether the activity log goes with it.
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

export interface CreateShareLinkInput {
  /** null: the link never expires. */
  expiresInDays: number | null;
  includeLogs: boolean;
}

const EXPIRY_OPTIONS = [
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "never", label: "Never" },
];

export function CreateShareLinkForm({ onSubmit, pending, error }: { onSubmit: (input: CreateShareLinkInput) => void; pending: boolean; error: string | null }) {
  const id = useId();
  const [expiry, setExpiry] = useState("7");
  const [includeLogs, setIncludeLogs] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    onSubmit({ expiresInDays: expiry === "never" ? null : Number(expiry), includeLogs });
  };

  return (
    <form onSubmit={submit} className="space-y-3">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div>
          <Label htmlFor={`${id}-expiry`}>Expires after</Label>
          <Select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value)} disabled={pending}>
            {EXPIRY_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex h-9 items-center gap-2">
          <input
            id={`${id}-logs`}
            type="checkbox"
            checked={includeLogs}
            onChange={(e) => setIncludeLogs(e.target.checked)}
            disabled={pending}
            aria-describedby={`${id}-logs-hint`}
            className="size-4 rounded border-border-strong accent-accent"
          />
          <label htmlFor={`${id}-logs`} className="text-sm font-medium text-foreground">
            Include logs
          </label>
        </div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating…" : "Create link"}
        </Button>
      </div>
      <p id={`${id}-logs-hint`} className="text-xs text-subtle">
        Logs show every step the agents took, including file contents and command output they read.
      </p>
      {error ? <Alert title="The link was not created">{error}</Alert> : null}
    </form>
  );
}
