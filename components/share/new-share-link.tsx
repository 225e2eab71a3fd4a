"use client";
// A link that was just created, shown this once: only a hash of its token is stored, so after
// this box is closed or the page reloads nobody can read the URL again.
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { describeExpiry } from "./describe-expiry";

export interface NewShareLinkView {
  id: string;
  url: string;
  expiresAt: Date | null;
  includeLogs: boolean;
}

type CopyState = "idle" | "copied" | "manual";

export function NewShareLink({ link, onDismiss }: { link: NewShareLinkView; onDismiss: () => void }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  const copyLink = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(link.url);
      setCopy("copied");
    } catch {
      // The clipboard API needs a secure context (https or localhost); the selected field still
      // lets people copy by hand.
      setCopy("manual");
    }
  };

  return (
    <div role="status" className="rounded-md border border-success-fg/30 bg-success-soft p-3" data-testid="new-share-link">
      <label htmlFor={`${id}-url`} className="text-sm font-medium text-success-fg">
        Link created — copy it now
      </label>
      <div className="mt-2 flex gap-2">
        <Input
          ref={field}
          id={`${id}-url`}
          readOnly
          value={link.url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 font-mono text-xs"
          aria-describedby={`${id}-note`}
        />
        <Button onClick={() => void copyLink()} className="shrink-0">
          {copy === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      <p id={`${id}-note`} className="mt-2 text-xs text-foreground">
        {copy === "manual" ? "Could not copy automatically: the link is selected, press Ctrl+C (⌘C) to copy it. " : null}
        This link won’t be shown again. It {describeExpiry(link.expiresAt)} and {link.includeLogs ? "includes" : "does not include"} the logs.
      </p>
      <Button size="sm" variant="ghost" onClick={onDismiss} className="mt-2 -ml-3">
        Done
      </Button>
    </div>
  );
}
