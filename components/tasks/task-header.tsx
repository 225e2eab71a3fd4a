// Top of the task page: the way back, the title and status, and the task's actions.
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/status-badge";

export const OPEN_TASK_STATUSES = ["PLANNING", "AWAITING_REVIEW", "RUNNING", "BUDGET_REACHED", "FINALIZING"];

export function TaskHeader({ title, status, actions }: { title: string; status: string; actions?: ReactNode }) {
  return (
    <div className="mb-6">
      <Link href="/" className="text-sm text-muted hover:text-foreground">
        ← All tasks
      </Link>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-3">
          <h1 className="min-w-0 max-w-full text-xl font-semibold tracking-tight [overflow-wrap:anywhere] text-foreground">{title}</h1>
          <StatusBadge status={status} />
        </div>
        {actions}
      </div>
    </div>
  );
}
