"use client";
// The numbers of a task at a glance: when it ran, for how long, its tokens, what it cost, and
// what its plan was estimated at.
import { FactList } from "@/components/ui/fact-list";
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { formatCount } from "@/components/format/numbers";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import { formatUsd } from "@/server/services/costs/format-usd";

export interface TaskFactsInput {
  priority: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  inputTokens: number;
  outputTokens: number;
  costMicros: bigint;
  budgetMicros: bigint | null;
  estimatedCostMicros: bigint | null;
  estimatedSeconds: number | null;
}

function When({ date }: { date: Date | null }) {
  if (!date) return <span className="text-subtle">—</span>;
  return <time dateTime={date.toISOString()} title={formatFullDate(date)}>{formatShortDate(date)}</time>;
}

export function TaskFacts({ task }: { task: TaskFactsInput }) {
  const now = useNow();
  const elapsed = elapsedMs(task.startedAt, task.finishedAt, now);
  const facts = [
    { label: "Created", value: <When date={task.createdAt} /> },
    { label: "Started", value: <When date={task.startedAt} /> },
    { label: "Finished", value: <When date={task.finishedAt} /> },
    { label: task.startedAt && !task.finishedAt ? "Running for" : "Duration", value: elapsed === null ? "—" : formatDuration(elapsed) },
    { label: "Tokens in / out", value: `${formatCount(task.inputTokens)} / ${formatCount(task.outputTokens)}` },
    {
      label: task.budgetMicros === null ? "Cost" : "Cost / budget",
      value: <span data-testid="task-cost">{task.budgetMicros === null ? formatUsd(task.costMicros) : `${formatUsd(task.costMicros)} / ${formatUsd(task.budgetMicros)}`}</span>,
    },
    {
      label: "Estimate",
      value:
        task.estimatedCostMicros === null || task.estimatedSeconds === null ? (
          <span className="text-subtle">—</span>
        ) : (
          <span data-testid="task-estimate">
            <span className="whitespace-nowrap">{formatUsd(task.estimatedCostMicros)} ·</span>{" "}
            <span className="whitespace-nowrap">{formatDuration(task.estimatedSeconds * 1000)}</span>
          </span>
        ),
    },
    { label: "Priority", value: task.priority },
  ];
  return <FactList facts={facts} className="sm:grid-cols-4 lg:grid-cols-8" />;
}
