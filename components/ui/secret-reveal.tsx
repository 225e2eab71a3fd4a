"use client";
// The one moment a secret (an API token, a share link) is readable: Baton keeps only its hash,
// so the box says so, selects the value on arrival so Ctrl/⌘+C works straight away, and offers a
// copy button with a fallback. Render it with `key={value}` so a second secret starts afresh.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import { cx } from "./class-names";
import { Input } from "./input";

type CopyState = "idle" | "copied" | "failed";

async function copyField(field: HTMLInputElement): Promise<boolean> {
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    // The async clipboard exists only on HTTPS and localhost; Baton may be served over plain HTTP.
    return document.execCommand("copy");
  }
}

export interface SecretRevealProps {
  /** What was created, e.g. "Token “ci” created. Copy it now — you won’t see it again." */
  title: ReactNode;
  /** Names the field for screen readers, e.g. "New API token". */
  fieldLabel: string;
  value: string;
  /** What happens next: where it is stored, when it expires. */
  children?: ReactNode;
  onDone: () => void;
  className?: string;
  "data-testid"?: string;
  valueTestId?: string;
}

export function SecretReveal({ title, fieldLabel, value, children, onDone, className, "data-testid": testId, valueTestId }: SecretRevealProps) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>("idle");

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const onCopy = async () => {
    if (!field.current) return;
    setCopyState((await copyField(field.current)) ? "copied" : "failed");
  };

  return (
    <div role="status" className={cx("border-warning-border bg-warning-soft p-4", className)} data-testid={testId}>
      <p className="text-sm font-medium text-foreground">{title}</p>
      {children ? <div className="mt-0.5 text-xs text-muted">{children}</div> : null}
      <label htmlFor={`${id}-value`} className="sr-only">
        {fieldLabel}
      </label>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Input
          ref={field}
          id={`${id}-value`}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          className="min-w-0 flex-1 basis-60 font-mono text-xs sm:text-sm"
          data-testid={valueTestId}
        />
        <Button variant="primary" onClick={() => void onCopy()}>
          {copyState === "copied" ? "Copied" : "Copy"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 min-h-4 text-xs text-muted">
        {copyState === "copied" ? "Copied to the clipboard." : copyState === "failed" ? "Could not copy automatically: it is selected, press Ctrl/⌘+C." : ""}
      </p>
    </div>
  );
}
