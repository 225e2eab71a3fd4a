"use client";
// A button for actions that cannot be undone: the first click asks inline ("Revoke this token?"
// with Confirm and Cancel) instead of a blocking browser dialog, so a stray click or Enter never
// revokes anything and the question stays next to the row it is about.
import { useEffect, useRef, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

export interface ConfirmButtonProps {
  label: string;
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  disabled?: boolean;
  /** Names what the button acts on for screen readers, e.g. "Revoke token deploy-bot". */
  accessibleLabel?: string;
  title?: string;
  /** The first button's look; the question's buttons take its size. Defaults: a small secondary button. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** The button that takes the question back, when "Cancel" would be ambiguous (cancelling a task). */
  dismissLabel?: string;
}

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  pendingLabel,
  pending,
  onConfirm,
  disabled,
  accessibleLabel,
  title,
  variant,
  size = "sm",
  dismissLabel = "Cancel",
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [wasPending, setWasPending] = useState(pending);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const focusTriggerNext = useRef(false);

  // When the request ends and this row is still here (it failed), fold back to the first step.
  if (pending !== wasPending) {
    setWasPending(pending);
    if (!pending) setAsking(false);
  }

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (focusTriggerNext.current) triggerRef.current?.focus();
    focusTriggerNext.current = false;
  }, [asking]);

  const cancel = () => {
    focusTriggerNext.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <Button ref={triggerRef} variant={variant} size={size} onClick={() => setAsking(true)} disabled={disabled} aria-label={accessibleLabel} title={title}>
        {label}
      </Button>
    );
  }

  return (
    <span
      role="group"
      aria-label={question}
      className="inline-flex flex-wrap items-center justify-end gap-x-2 gap-y-1"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) cancel();
      }}
    >
      <span className="text-xs whitespace-nowrap text-muted">{question}</span>
      <span className="inline-flex items-center gap-2">
        <Button
          ref={confirmRef}
          size={size}
          variant="danger"
          onClick={() => {
            focusTriggerNext.current = true;
            onConfirm();
          }}
          disabled={pending}
        >
          {pending ? pendingLabel : confirmLabel}
        </Button>
        <Button size={size} variant="ghost" onClick={cancel} disabled={pending}>
          {dismissLabel}
        </Button>
      </span>
    </span>
  );
}
