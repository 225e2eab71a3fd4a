"use client";
// The task list's rows: a table on wide screens and stacked cards on a phone, each opening the
// task. Duration counts up while a task runs; finished ones show the stored duration.
import Link from "next/link";
import { formatDuration } from "@/components/format/duration";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import type { RouterOutputs } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/status-badge";
import { Table, type TableColumn } from "@/components/ui/table";
import { formatUsd } from "@/server/client/format-usd";
import { TaskProgress } from "../task-progress";

export type TaskListItem = RouterOutputs["task"]["list"]["items"][number];

const COLUMNS: TableColumn[] = [
  { label: "Task" },
  { label: "Status", className: "w-36" },
  { label: "Progress", className: "w-32" },
  { label: "Created by", className: "w-44" },
  { label: "Created", className: "w-32" },
  { label: "Duration", numeric: true, className: "w-24" },
  { label: "Cost", numeric: true, className: "w-24" },
];

function duration(task: TaskListItem, now: number): string {
  if (task.durationMs !== null) return formatDuration(task.durationMs);
  if (!task.startedAt || task.finishedAt) return "—";
  return formatDuration(now - task.startedAt.getTime());
}

const creatorName = (task: TaskListItem) => task.creator?.name ?? task.creator?.email ?? "—";

export function TaskTable({ tasks }: { tasks: TaskListItem[] }) {
  const now = useNow();
  return (
    <>
      <div className="hidden md:block">
        <Table columns={COLUMNS} className="table-fixed">
          {tasks.map((task) => (
            <tr key={task.id} className="relative transition-colors focus-within:bg-surface-muted/70 hover:bg-surface-muted/70" data-testid="task-row" data-status={task.status}>
              <td className="px-3 py-3">
                <Link href={`/tasks/${task.id}`} className="block truncate font-medium text-foreground after:absolute after:inset-0 hover:text-accent focus:outline-none" title={task.title}>
                  {task.title}
                </Link>
              </td>
              <td className="px-3 py-3">
                <StatusBadge status={task.status} />
              </td>
              <td className="px-3 py-3">
                <TaskProgress done={task.progress.done} total={task.progress.total} />
              </td>
              <td className="truncate px-3 py-3 text-muted" title={task.creator?.email}>
                {creatorName(task)}
              </td>
              <td className="px-3 py-3 whitespace-nowrap text-muted" title={formatFullDate(task.createdAt)}>
                {formatShortDate(task.createdAt)}
              </td>
              <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums text-muted">{duration(task, now)}</td>
              <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums text-muted" data-testid="task-row-cost">
                {formatUsd(task.costMicros)}
              </td>
            </tr>
          ))}
        </Table>
      </div>
      <ul className="divide-y divide-border md:hidden">
        {tasks.map((task) => (
          <li key={task.id} className="relative p-3 focus-within:bg-surface-muted/70" data-testid="task-card">
            <div className="flex items-start justify-between gap-3">
              <Link href={`/tasks/${task.id}`} className="min-w-0 font-medium break-words text-foreground after:absolute after:inset-0 focus:outline-none">
                {task.title}
              </Link>
              <StatusBadge status={task.status} />
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
              <TaskProgress done={task.progress.done} total={task.progress.total} />
              <span>{creatorName(task)}</span>
              <span title={formatFullDate(task.createdAt)}>{formatShortDate(task.createdAt)}</span>
              <span className="tabular-nums">{duration(task, now)}</span>
              <span className="tabular-nums">{formatUsd(task.costMicros)}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
