"use client";
// The numbers of a task at a glance: its totals (time, tokens and cost over every subtask, with
// the plan's estimate beside them when there is one), then when it was created, started and
// finished, and its priority.
import { FactList } from "@/components/ui/fact-list";
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { formatCount } from "@/components/format/numbers";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import { formatUsd } from "@/server/client/format-usd";

export interface TaskFactsInput {
  priority: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costMicros: bigint;
  budgetMicros: bigint | null;
  estimatedCostMicros: bigint | null;
  estimatedSeconds: number | null;
}

function When({ date }: { date: Date | null }) {
  if (!date) return <span className="text-subtle">—</span>;
  return <time dateTime={date.toISOString()} title={formatFullDate(date)}>{formatShortDate(date)}</time>;
}

interface Total {
  label: string;
  value: string;
  detail: string | null;
  testId: string;
}

export function TaskFacts({ task }: { task: TaskFactsInput }) {
  const now = useNow();
  const elapsed = elapsedMs(task.startedAt, task.finishedAt, now);
  const cacheTokens = task.cacheReadTokens + task.cacheWriteTokens;
  const totalTokens = task.inputTokens + task.outputTokens + cacheTokens;
  const estimate = (value: string | null) => (value === null ? null : `estimated ${value}`);
  const totals: Total[] = [
    {
      label: task.startedAt && !task.finishedAt ? "Running for" : "Total time",
      value: elapsed === null ? "—" : formatDuration(elapsed),
      detail: estimate(task.estimatedSeconds ? formatDuration(task.estimatedSeconds * 1000) : null),
      testId: "task-total-time",
    },
    {
      label: "Total tokens",
      value: formatCount(totalTokens),
      detail: [`${formatCount(task.inputTokens)} in`, `${formatCount(task.outputTokens)} out`, cacheTokens ? `${formatCount(cacheTokens)} cache` : null].filter(Boolean).join(" · "),
      testId: "task-total-tokens",
    },
    {
      label: task.budgetMicros === null ? "Total cost" : "Total cost / budget",
      value: task.budgetMicros === null ? formatUsd(task.costMicros) : `${formatUsd(task.costMicros)} / ${formatUsd(task.budgetMicros)}`,
      detail: estimate(task.estimatedCostMicros != null ? formatUsd(task.estimatedCostMicros) : null),
      testId: "task-cost",
    },
  ];
  const facts = [
    { label: "Created", value: <When date={task.createdAt} /> },
    { label: "Started", value: <When date={task.startedAt} /> },
    { label: "Finished", value: <When date={task.finishedAt} /> },
    { label: "Priority", value: task.priority },
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="task-totals">
        {totals.map((total) => (
          <div key={total.testId} className="rounded-lg border border-border bg-surface px-4 py-3 shadow-sm">
            <dt className="text-xs font-medium text-subtle">{total.label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums text-foreground" data-testid={total.testId}>
              {total.value}
            </dd>
            {total.detail ? (
              <dd className="mt-0.5 text-xs tabular-nums text-muted" data-testid={`${total.testId}-detail`}>
                {total.detail}
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
      <FactList facts={facts} className="sm:grid-cols-4" />
    </div>
  );
}
