// Words for the timeline's rows and bars, shared by the chart, its table and their labels.
import { formatDuration } from "@/components/format/duration";
import { shortId } from "@/components/format/short-id";
import { statusLabel } from "@/components/status-badge";
import type { TimelineBar, TimelineRow } from "./build-timeline";

export function rowLabel(row: TimelineRow): { name: string; id: string | null } {
  if (row.waiting) return { name: "Waiting for an agent", id: null };
  return { name: row.profileName ?? "agent", id: row.agentId ? shortId(row.agentId) : null };
}

export function barDescription(bar: TimelineBar, row: TimelineRow): string {
  const { name, id } = rowLabel(row);
  const where = row.waiting ? "not started" : `on ${name}${id ? ` ${id}` : ""}`;
  const parts = [
    bar.waitedMs === null ? null : `${bar.live && bar.runFrom === null ? "waiting" : "waited"} ${formatDuration(bar.waitedMs)}`,
    bar.ranMs === null ? null : `${bar.live ? "running for" : "ran"} ${formatDuration(bar.ranMs)}`,
    statusLabel(bar.subtask.status).toLowerCase(),
  ].filter((part) => part !== null);
  return `#${bar.subtask.index + 1} ${bar.subtask.title}, ${where}: ${parts.join(", ")}`;
}
