"use client";
// The one moment a new API token's secret is visible: Baton keeps only its hash, so the owner
// has to copy it now. The field is selected on arrival so Ctrl/⌘+C works straight away. Render
// it with `key={token}` so a second new token starts with a fresh copy state.
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { CreatedToken } from "./create-token-form";

type CopyState = "idle" | "copied" | "failed";

async function copyText(field: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    // The async clipboard exists only on HTTPS and localhost; Baton may be served over plain HTTP.
    field.select();
    return document.execCommand("copy");
  }
}

export function NewTokenReveal({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>("idle");

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const onCopy = async () => {
    if (!field.current) return;
    const ok = await copyText(field.current);
    setCopyState(ok ? "copied" : "failed");
  };

  return (
    <div className="border-b border-border bg-warning-soft/60 p-4" data-testid="new-token">
      <p className="text-sm font-medium text-foreground">
        Token “{created.name}” created. Copy it now — you won’t see it again.
      </p>
      <p className="mt-0.5 text-xs text-muted">Baton stores only a hash of it. If you lose it, revoke it below and create a new one.</p>
      <label htmlFor={`${id}-token`} className="sr-only">
        New API token
      </label>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Input
          ref={field}
          id={`${id}-token`}
          readOnly
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          className="min-w-0 flex-1 basis-72 font-mono text-xs sm:text-sm"
          data-testid="new-token-value"
        />
        <Button variant="primary" onClick={() => void onCopy()}>
          {copyState === "copied" ? "Copied" : "Copy"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 min-h-4 text-xs text-muted">
        {copyState === "copied" ? "Copied to the clipboard." : copyState === "failed" ? "Could not copy automatically: the token is selected, press Ctrl/⌘+C." : ""}
      </p>
    </div>
  );
}
