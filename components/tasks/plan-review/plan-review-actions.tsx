"use client";
// The two ways out of review, each asking first, inline: "Approve and run" names what will run and
// what it is estimated to cost; "Discard" takes an optional reason and cancels the task.
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

interface PlanReviewActionsProps {
  /** "5 subtasks, estimated at $0.42" */
  summary: string;
  /** Why approving is not possible now (unsaved edits), or null. */
  approveBlocked: string | null;
  busy: boolean;
  approving: boolean;
  discarding: boolean;
  onApprove: () => void;
  onDiscard: (reason: string) => void;
}

export function PlanReviewActions({ summary, approveBlocked, busy, approving, discarding, onApprove, onDiscard }: PlanReviewActionsProps) {
  const id = useId();
  const [asking, setAsking] = useState<"approve" | "discard" | null>(null);
  const [reason, setReason] = useState("");
  const confirmRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (asking === "approve") confirmRef.current?.focus();
    if (asking === "discard") reasonRef.current?.focus();
  }, [asking]);

  if (asking === "approve") {
    return (
      <div role="group" aria-label="Approve the plan" className="flex flex-wrap items-center gap-3" onKeyDown={(e) => e.key === "Escape" && !busy && setAsking(null)}>
        <span className="text-sm text-foreground">Run {summary}?</span>
        <Button ref={confirmRef} variant="primary" onClick={onApprove} disabled={busy}>
          {approving ? "Starting…" : "Yes, run it"}
        </Button>
        <Button variant="ghost" onClick={() => setAsking(null)} disabled={busy}>
          Not yet
        </Button>
      </div>
    );
  }
  if (asking === "discard") {
    return (
      <form
        aria-label="Discard the plan"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onDiscard(reason.trim());
        }}
        onKeyDown={(e) => e.key === "Escape" && !busy && setAsking(null)}
      >
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-reason`} className="mb-1.5 block text-sm font-medium text-foreground">
            Why discard it? <span className="text-xs font-normal text-subtle">optional — kept with the cancelled task</span>
          </label>
          <Input ref={reasonRef} id={`${id}-reason`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} disabled={busy} />
        </div>
        <Button type="submit" variant="danger" disabled={busy}>
          {discarding ? "Discarding…" : "Discard and cancel the task"}
        </Button>
        <Button variant="ghost" onClick={() => setAsking(null)} disabled={busy}>
          Keep the plan
        </Button>
      </form>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="primary" onClick={() => setAsking("approve")} disabled={busy || approveBlocked !== null} aria-describedby={approveBlocked ? `${id}-blocked` : undefined}>
        Approve and run
      </Button>
      <Button variant="danger" onClick={() => setAsking("discard")} disabled={busy}>
        Discard
      </Button>
      {approveBlocked ? (
        <span id={`${id}-blocked`} className="text-xs text-muted">
          {approveBlocked}
        </span>
      ) : null}
    </div>
  );
}
