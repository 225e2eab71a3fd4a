// Top of the task page: title, status and the cancel action while the task can still stop.
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export const OPEN_TASK_STATUSES = ["PLANNING", "AWAITING_REVIEW", "RUNNING", "BUDGET_REACHED", "FINALIZING"];

export interface CancelControl {
  onCancel: () => void;
  pending: boolean;
  error: string | null;
}

export function TaskHeader({ title, status, cancel }: { title: string; status: string; cancel: CancelControl }) {
  const open = OPEN_TASK_STATUSES.includes(status);
  return (
    <div className="mb-6">
      <Link href="/" className="text-sm text-muted hover:text-foreground">
        ← All tasks
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-3">
          <h1 className="min-w-0 max-w-full text-xl font-semibold tracking-tight [overflow-wrap:anywhere] text-foreground">{title}</h1>
          <StatusBadge status={status} />
        </div>
        {open ? (
          <Button variant="danger" onClick={cancel.onCancel} disabled={cancel.pending}>
            {cancel.pending ? "Cancelling…" : "Cancel task"}
          </Button>
        ) : null}
      </div>
      {cancel.error ? (
        <Alert className="mt-3" title="Could not cancel the task">
          {cancel.error}
        </Alert>
      ) : null}
    </div>
  );
}
