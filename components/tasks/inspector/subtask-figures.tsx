"use client";
// The numbers of one subtask beside the whole task's: who ran it, when it waited and ran, and
// the tokens and money it used.
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { formatCount } from "@/components/format/numbers";
import { shortId } from "@/components/format/short-id";
import { formatClock, formatFullDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import type { SubtaskView } from "@/components/tasks/subtask-view";
import { FactList } from "@/components/ui/fact-list";
import { formatUsd } from "@/server/client/format-usd";

export interface TaskTotals {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costMicros: bigint;
  startedAt: Date | null;
  finishedAt: Date | null;
}

function When({ date }: { date: Date | null }) {
  if (!date) return <span className="text-subtle">—</span>;
  return (
    <time dateTime={date.toISOString()} title={formatFullDate(date)}>
      {formatClock(date)}
    </time>
  );
}

const duration = (ms: number | null) => (ms === null ? "—" : formatDuration(ms));

export function SubtaskFigures({ subtask, task }: { subtask: SubtaskView; task: TaskTotals }) {
  const now = useNow();
  const waitEnd = subtask.startedAt ?? subtask.finishedAt;
  const waited = subtask.queuedAt ? (waitEnd ?? new Date(now)).getTime() - subtask.queuedAt.getTime() : null;
  const running = subtask.status === "RUNNING";
  const ran = subtask.startedAt && (running || subtask.finishedAt) ? elapsedMs(subtask.startedAt, subtask.finishedAt, now) : null;
  const facts = [
    { label: "Agent", value: subtask.agentId ? <span className="font-mono" title={subtask.agentId}>{shortId(subtask.agentId)}</span> : "—" },
    { label: "Profile", value: subtask.profileName ?? "—" },
    { label: "Attempts", value: subtask.attempts },
    { label: "Queued", value: <When date={subtask.queuedAt} /> },
    { label: "Started", value: <When date={subtask.startedAt} /> },
    { label: "Finished", value: <When date={subtask.finishedAt} /> },
    { label: subtask.status === "QUEUED" ? "Waiting for" : "Waited", value: <span data-testid="inspector-waited">{duration(waited)}</span> },
    { label: running ? "Running for" : "Ran", value: <span data-testid="inspector-ran">{duration(ran)}</span> },
  ];
  const usage: [string, string, string][] = [
    ["Input tokens", formatCount(subtask.inputTokens), formatCount(task.inputTokens)],
    ["Output tokens", formatCount(subtask.outputTokens), formatCount(task.outputTokens)],
    ["Cache read", formatCount(subtask.cacheReadTokens), formatCount(task.cacheReadTokens)],
    ["Cache write", formatCount(subtask.cacheWriteTokens), formatCount(task.cacheWriteTokens)],
    ["Cost", formatUsd(subtask.costMicros), formatUsd(task.costMicros)],
    ["Time", duration(ran), duration(elapsedMs(task.startedAt, task.finishedAt, now))],
  ];
  return (
    <div className="space-y-4">
      <FactList facts={facts} className="grid-cols-2 sm:grid-cols-3 lg:grid-cols-2" data-testid="inspector-facts" />
      <table className="w-full text-sm" data-testid="inspector-usage">
        <caption className="sr-only">Usage of this subtask and of the whole task</caption>
        <thead>
          <tr className="border-b border-border text-xs text-subtle">
            <th scope="col" className="py-1.5 text-left font-normal">
              Usage
            </th>
            <th scope="col" className="py-1.5 text-right font-normal">
              This subtask
            </th>
            <th scope="col" className="py-1.5 text-right font-normal">
              Whole task
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {usage.map(([label, mine, total]) => (
            <tr key={label}>
              <th scope="row" className="py-1.5 text-left text-xs font-normal text-subtle">
                {label}
              </th>
              <td className="py-1.5 text-right text-foreground tabular-nums">{mine}</td>
              <td className="py-1.5 text-right text-muted tabular-nums">{total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
