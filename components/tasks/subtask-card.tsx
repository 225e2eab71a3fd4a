"use client";
// One subtask in the plan: what it is, who runs it, how it is going and how it ended.
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { shortId } from "@/components/format/short-id";
import { useNow } from "@/components/hooks/use-now";
import type { RouterOutputs } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/status-badge";
import { cx } from "@/components/ui/class-names";
import { formatUsd } from "@/server/services/costs/format-usd";

export type SubtaskView = RouterOutputs["task"]["byId"]["subtasks"][number];

const edges: Record<string, string> = {
  RUNNING: "border-l-info-dot",
  SUCCEEDED: "border-l-success-fg",
  FAILED: "border-l-danger-fg",
  CANCELLED: "border-l-halted-fg",
  SKIPPED: "border-l-halted-fg",
};

export function SubtaskCard({ subtask, dependencyLabels }: { subtask: SubtaskView; dependencyLabels: string[] }) {
  const now = useNow();
  // A subtask handed back to wait (at the budget, or for a rate-limit reset) is not running: no clock.
  const waiting = subtask.status === "PENDING" || subtask.status === "QUEUED";
  const elapsed = waiting ? null : elapsedMs(subtask.startedAt, subtask.finishedAt, now);
  const ended = ["FAILED", "CANCELLED", "SKIPPED"].includes(subtask.status);
  // Agent, attempts and timing mean nothing until an agent has picked the subtask up.
  const started = subtask.startedAt !== null || subtask.attempts > 0 || subtask.agentId !== null;
  return (
    <article
      data-testid="subtask-card"
      data-status={subtask.status}
      className={cx("flex flex-col gap-2 rounded-md border border-l-4 border-border bg-surface p-3 shadow-sm", edges[subtask.status] ?? "border-l-border-strong")}
    >
      <header className="flex items-start justify-between gap-2">
        <h3 className="text-sm leading-snug font-medium wrap-anywhere text-foreground">
          <span className="mr-1 text-subtle tabular-nums">#{subtask.index + 1}</span>
          {subtask.title}
        </h3>
        <StatusBadge status={subtask.status} className="shrink-0" />
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-subtle">Profile</dt>
        <dd className="text-muted">{subtask.profileName ?? "—"}</dd>
        {started ? (
          <>
            <dt className="text-subtle">Agent</dt>
            <dd className="font-mono text-muted" title={subtask.agentId ?? undefined}>
              {subtask.agentId ? shortId(subtask.agentId) : "—"}
            </dd>
            <dt className="text-subtle">Attempts</dt>
            <dd className="text-muted tabular-nums">{subtask.attempts}</dd>
            <dt className="text-subtle">Elapsed</dt>
            <dd className="text-muted tabular-nums">{elapsed === null ? "—" : formatDuration(elapsed)}</dd>
          </>
        ) : null}
        {started || subtask.costMicros > 0n ? (
          <>
            <dt className="text-subtle">Cost</dt>
            <dd className="text-muted tabular-nums" data-testid="subtask-cost">
              {formatUsd(subtask.costMicros)}
            </dd>
          </>
        ) : null}
        {dependencyLabels.length > 0 ? (
          <>
            <dt className="text-subtle">After</dt>
            <dd className="text-muted">{dependencyLabels.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {subtask.status === "SUCCEEDED" && subtask.summary ? (
        <p className="line-clamp-4 text-xs leading-relaxed wrap-anywhere text-foreground" title={subtask.summary}>
          {subtask.summary}
        </p>
      ) : null}
      {ended && subtask.statusReason ? (
        <p className={cx("text-xs leading-relaxed wrap-anywhere", subtask.status === "FAILED" ? "text-danger-fg" : "text-halted-fg")}>{subtask.statusReason}</p>
      ) : null}
      <details className="text-xs text-muted">
        <summary className="cursor-pointer select-none hover:text-foreground">Instructions</summary>
        <p className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap wrap-anywhere">{subtask.instructions}</p>
      </details>
    </article>
  );
}
