"use client";
// The numbers of a task at a glance: when it ran, for how long and what it cost in tokens.
import { FactList } from "@/components/ui/fact-list";
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { formatCount } from "@/components/format/numbers";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";

export interface TaskFactsInput {
  priority: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  inputTokens: number;
  outputTokens: number;
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
    { label: "Priority", value: task.priority },
  ];
  return <FactList facts={facts} className="sm:grid-cols-3 lg:grid-cols-6" />;
}
