// Status pill for tasks, subtasks and agent processes, coloured by what the state means:
// waiting, working, done, broken or stopped.
import { Badge, type BadgeTone } from "@/components/ui/badge";

const looks: Record<string, { tone: BadgeTone; pulse?: boolean }> = {
  PLANNING: { tone: "neutral" },
  QUEUED: { tone: "neutral" },
  PENDING: { tone: "neutral" },
  INITIALIZING: { tone: "neutral" },
  CLAIMED: { tone: "info" },
  WAITING: { tone: "warning" },
  COMPLETING: { tone: "info" },
  ERROR: { tone: "danger" },
  BUDGET_REACHED: { tone: "warning" },
  AWAITING_REVIEW: { tone: "warning" },
  IDLE: { tone: "neutral" },
  EXITED: { tone: "neutral" },
  RUNNING: { tone: "info", pulse: true },
  FINALIZING: { tone: "info", pulse: true },
  WORKING: { tone: "info", pulse: true },
  SUCCEEDED: { tone: "success" },
  FAILED: { tone: "danger" },
  CRASHED: { tone: "danger" },
  CANCELLED: { tone: "halted" },
  APPROVED: { tone: "success" },
  DENIED: { tone: "danger" },
  EXPIRED: { tone: "halted" },
  SKIPPED: { tone: "halted" },
  TERMINATING: { tone: "halted" },
};

/** "BUDGET_REACHED" → "Budget reached". */
export const statusLabel = (status: string) => status.charAt(0) + status.slice(1).toLowerCase().replaceAll("_", " ");

/** The tone a state is drawn in, for pieces that colour more than a pill (graph nodes, timeline bars). */
export const statusTone = (status: string): BadgeTone => looks[status]?.tone ?? "neutral";

export function StatusBadge({ status, className }: { status: string; className?: string }) {
  const look = looks[status] ?? { tone: "neutral" as const };
  return (
    <Badge tone={look.tone} pulse={look.pulse} className={className}>
      <span data-status={status}>{statusLabel(status)}</span>
    </Badge>
  );
}
