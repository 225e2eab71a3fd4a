// The totals of a shared task at a glance: how long it ran, how its subtasks ended, tokens used.
import { FactList } from "@/components/ui/fact-list";
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { formatCount } from "@/components/format/numbers";
import { statusLabel } from "@/components/status-badge";
import type { SharedTask } from "@/server/services/access/share-links";

function subtaskCounts(subtasks: SharedTask["task"]["subtasks"]): string {
  if (subtasks.length === 0) return "none";
  const byStatus = new Map<string, number>();
  for (const { status } of subtasks) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  const parts = [...byStatus].map(([status, count]) => `${count} ${statusLabel(status).toLowerCase()}`);
  if (subtasks.length === 1) return parts[0]!;
  if (byStatus.size === 1) return `${subtasks.length}, all ${statusLabel(subtasks[0]!.status).toLowerCase()}`;
  return `${subtasks.length} (${parts.join(", ")})`;
}

export function SharedTaskTotals({ task, now }: { task: SharedTask["task"]; now: number }) {
  const elapsed = elapsedMs(task.startedAt, task.finishedAt, now);
  const facts = [
    { label: task.startedAt && !task.finishedAt ? "Running for" : "Duration", value: elapsed === null ? "—" : formatDuration(elapsed) },
    { label: "Subtasks", value: subtaskCounts(task.subtasks) },
    { label: "Input tokens", value: formatCount(task.inputTokens) },
    { label: "Output tokens", value: formatCount(task.outputTokens) },
  ];
  return <FactList facts={facts} className="sm:grid-cols-4" data-testid="shared-totals" />;
}
