"use client";
// The task list: one row per task, newest first, each row opening the task.
import Link from "next/link";
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import type { RouterOutputs } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/status-badge";
import { formatUsd } from "@/server/services/costs/format-usd";
import { TaskProgress } from "./task-progress";
import { Table, type TableColumn } from "@/components/ui/table";

export type TaskListItem = RouterOutputs["task"]["list"]["items"][number];

const COLUMNS: TableColumn[] = [
  { label: "Task" },
  { label: "Status", className: "w-32" },
  { label: "Progress", className: "w-36" },
  { label: "Created", className: "w-36" },
  { label: "Duration", numeric: true, className: "w-28" },
  { label: "Cost", numeric: true, className: "w-24" },
];

export function TaskTable({ tasks }: { tasks: TaskListItem[] }) {
  return (
    <Table columns={COLUMNS} label="Tasks" className="min-w-[840px] table-fixed">
      {tasks.map((task) => (
        <TaskRow key={task.id} task={task} />
      ))}
    </Table>
  );
}

function TaskRow({ task }: { task: TaskListItem }) {
  const now = useNow();
  const elapsed = elapsedMs(task.startedAt, task.finishedAt, now);
  return (
    <tr className="relative transition-colors hover:bg-surface-muted/70" data-testid="task-row">
      <td className="px-3 py-3">
        <Link href={`/tasks/${task.id}`} className="block truncate font-medium text-foreground after:absolute after:inset-0 hover:text-accent">
          {task.title}
        </Link>
        <span className="text-xs text-subtle">Priority {task.priority}</span>
      </td>
      <td className="px-3 py-3">
        <StatusBadge status={task.status} />
      </td>
      <td className="px-3 py-3">
        <TaskProgress done={task.progress.done} total={task.progress.total} />
      </td>
      <td className="px-3 py-3 whitespace-nowrap text-muted" title={formatFullDate(task.createdAt)}>
        {formatShortDate(task.createdAt)}
      </td>
      <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums text-muted">
        {elapsed === null ? "—" : formatDuration(elapsed)}
      </td>
      <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums text-muted" data-testid="task-row-cost">
        {formatUsd(task.costMicros)}
      </td>
    </tr>
  );
}
