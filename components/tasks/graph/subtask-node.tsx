"use client";
// One subtask in the graph: number, title, live status, the agent on it and its time so far.
// Colours come from the status tones, so the node and the status pill always agree.
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { shortId } from "@/components/format/short-id";
import { useNow } from "@/components/hooks/use-now";
import { StatusBadge, statusTone } from "@/components/status-badge";
import type { BadgeTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/class-names";
import type { SubtaskView } from "@/components/tasks/subtask-view";

export const NODE_SIZE = { width: 208, height: 92 };

export type SubtaskNodeData = { subtask: SubtaskView; vertical: boolean };
export type SubtaskNodeType = Node<SubtaskNodeData, "subtask">;

const HIDDEN_HANDLE = "!pointer-events-none !size-px !min-h-0 !min-w-0 !border-0 !bg-transparent";

const toneFrames: Record<BadgeTone, string> = {
  neutral: "border-border-strong bg-surface",
  info: "border-info-dot bg-info-soft",
  success: "border-success-fg/60 bg-success-soft",
  danger: "border-danger-fg bg-danger-soft",
  halted: "border-halted-fg/60 bg-halted-soft",
  warning: "border-warning-fg/60 bg-warning-soft",
  accent: "border-accent bg-accent-soft",
};

/** What the clock on a node says: time waited in the queue, or time run (ticking while live). */
export function subtaskClock(subtask: Pick<SubtaskView, "status" | "queuedAt" | "startedAt" | "finishedAt">, now: number): string | null {
  if (subtask.status === "QUEUED" && !subtask.startedAt && subtask.queuedAt) return `queued ${formatDuration(now - subtask.queuedAt.getTime())}`;
  // A subtask handed back to wait (at the budget, or for a rate-limit reset) is not running: no clock.
  if (subtask.status === "PENDING" || subtask.status === "QUEUED") return null;
  const ran = elapsedMs(subtask.startedAt, subtask.finishedAt, now);
  return ran === null ? null : formatDuration(ran);
}

export function SubtaskNode({ data, selected }: NodeProps<SubtaskNodeType>) {
  const { subtask, vertical } = data;
  const now = useNow();
  const clock = subtaskClock(subtask, now);
  return (
    <div
      data-testid="graph-node"
      data-subtask-id={subtask.id}
      data-status={subtask.status}
      data-selected={selected || undefined}
      style={NODE_SIZE}
      className={cx(
        "flex cursor-pointer flex-col justify-between gap-1 rounded-md border-2 px-2.5 py-2 text-left shadow-sm transition-colors",
        toneFrames[statusTone(subtask.status)],
        selected && "ring-2 ring-accent ring-offset-2 ring-offset-surface",
      )}
    >
      {/* Edges attach to handles; these only anchor them (nothing is connected by hand). */}
      <Handle type="target" position={vertical ? Position.Top : Position.Left} isConnectable={false} className={HIDDEN_HANDLE} />
      <p className="line-clamp-2 text-xs leading-snug font-medium wrap-anywhere text-foreground" title={subtask.title}>
        <span className="mr-1 text-subtle tabular-nums">#{subtask.index + 1}</span>
        {subtask.title}
      </p>
      <div className="flex items-center justify-between gap-2 text-[11px] text-muted">
        <StatusBadge status={subtask.status} className="px-1.5 py-0 text-[11px]" />
        <span className="tabular-nums" data-testid="graph-node-clock">
          {clock ?? ""}
        </span>
      </div>
      <p className="truncate text-[11px] text-muted" title={subtask.agentId ?? undefined}>
        {subtask.agentId ? (
          <>
            {subtask.profileName ?? "agent"} <span className="font-mono">{shortId(subtask.agentId)}</span>
          </>
        ) : (
          <span className="text-subtle">{subtask.profileName ? `for ${subtask.profileName}` : "no agent yet"}</span>
        )}
      </p>
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} isConnectable={false} className={HIDDEN_HANDLE} />
    </div>
  );
}
