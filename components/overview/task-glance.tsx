"use client";
// A short list of tasks in a card: each row opens the task; the footer opens the full list.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatAge } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import { errorMessage } from "@/components/live/error-message";
import type { RouterOutputs } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/status-badge";
import { TaskProgress } from "@/components/tasks/task-progress";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { formatUsd } from "@/server/client/format-usd";

type Overview = RouterOutputs["overview"]["tasks"];
export type GlanceTask = Overview["running"][number];

export function TaskGlance({
  id,
  title,
  description,
  tasks,
  state,
  empty,
  allHref,
  allLabel,
  detail,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  tasks: GlanceTask[] | undefined;
  state: { isPending: boolean; isError: boolean; error: unknown };
  empty: string;
  allHref: string;
  allLabel: string;
  /** The right-hand side of a row: progress, age, cost. */
  detail: (task: GlanceTask, now: number) => ReactNode;
}) {
  const now = useNow();
  return (
    <Card className="flex min-w-0 flex-col" data-testid={`overview-${id}`}>
      <CardHeader title={title} description={description} />
      {state.isPending ? (
        <TableSkeleton label={`Loading ${title.toLowerCase()}`} rows={2} />
      ) : state.isError && !tasks ? (
        <div className="p-4">
          <Alert title={`Could not load ${title.toLowerCase()}`}>{errorMessage(state.error)}</Alert>
        </div>
      ) : !tasks || tasks.length === 0 ? (
        <p className="flex-1 px-4 py-6 text-center text-sm text-muted">{empty}</p>
      ) : (
        <ul className="flex-1 divide-y divide-border">
          {tasks.map((task) => (
            <li key={task.id} className="relative flex items-center gap-3 px-4 py-2.5 hover:bg-surface-muted/70" data-testid="overview-task">
              <div className="min-w-0 flex-1">
                <Link href={`/tasks/${task.id}`} className="block truncate text-sm font-medium text-foreground after:absolute after:inset-0 hover:text-accent">
                  {task.title}
                </Link>
                <div className="mt-0.5 flex items-center gap-2">
                  <StatusBadge status={task.status} />
                </div>
              </div>
              <div className="shrink-0 text-right text-xs text-muted tabular-nums">{detail(task, now)}</div>
            </li>
          ))}
        </ul>
      )}
      <div className="border-t border-border px-4 py-2 text-right">
        <Link href={allHref} className="text-sm font-medium text-accent hover:underline">
          {allLabel} →
        </Link>
      </div>
    </Card>
  );
}

export const runningDetail = (task: GlanceTask, now: number) => (
  <div className="flex flex-col items-end gap-1">
    <TaskProgress done={task.progress.done} total={task.progress.total} />
    {task.startedAt ? <span>started {formatAge(now - new Date(task.startedAt).getTime())}</span> : null}
  </div>
);

export const queuedDetail = (task: GlanceTask, now: number) => <span>submitted {formatAge(now - new Date(task.createdAt).getTime())}</span>;

export const recentDetail = (task: GlanceTask, now: number) => (
  <div className="flex flex-col items-end gap-0.5">
    <span>{task.finishedAt ? formatAge(now - new Date(task.finishedAt).getTime()) : "—"}</span>
    <span>{formatUsd(task.costMicros)}</span>
  </div>
);
