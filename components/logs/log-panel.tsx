"use client";
// The task's live activity log: every event in seq order, optionally narrowed to one subtask,
// following new lines unless the reader has scrolled up to read.
import { useMemo } from "react";
import { useFollowScroll } from "@/components/hooks/use-follow-scroll";
import type { LogHistoryState } from "@/components/hooks/use-task-live";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { LogEventMessage } from "@/server/contracts/realtime";
import { groupLogRows } from "./group-log-rows";
import { LogRowItem, type LogSource } from "./log-row";

export interface LogSubtask {
  id: string;
  index: number;
  title: string;
}

const TASK_SOURCE: LogSource = { label: "task", title: "The task itself (planning, results)" };

export function LogPanel({
  logs,
  history,
  onRetry,
  subtasks,
  subtaskId,
  onSubtaskChange,
}: {
  logs: readonly LogEventMessage[];
  history: LogHistoryState;
  onRetry: () => void;
  subtasks: LogSubtask[];
  /** The subtask whose activity is shown, or null for all; the page owns it so other views can set it. */
  subtaskId: string | null;
  onSubtaskChange: (subtaskId: string | null) => void;
}) {
  const sources = useMemo(() => {
    const map = new Map<string, LogSource>();
    for (const s of subtasks) map.set(s.id, { label: `#${s.index + 1} ${s.title}`, title: `Subtask ${s.index + 1}: ${s.title}` });
    return map;
  }, [subtasks]);
  const rows = useMemo(() => groupLogRows(subtaskId ? logs.filter((e) => e.subtaskId === subtaskId) : logs), [logs, subtaskId]);
  const { ref, following, onScroll, follow } = useFollowScroll<HTMLDivElement>(rows);

  const filter = subtasks.length > 0 && (
    <Select aria-label="Show activity of" value={subtaskId ?? ""} onChange={(e) => onSubtaskChange(e.target.value || null)} className="h-8 max-w-56">
      <option value="">All activity</option>
      {subtasks.map((s) => (
        <option key={s.id} value={s.id}>
          #{s.index + 1} {s.title}
        </option>
      ))}
    </Select>
  );

  return (
    <Card>
      <CardHeader title="Activity" description={`${logs.length} ${logs.length === 1 ? "event" : "events"}`} actions={filter} />
      {history.status === "error" ? (
        <div className="p-4">
          <Alert title="Could not load the activity log">
            {history.message}{" "}
            <button type="button" onClick={onRetry} className="font-medium underline">
              Try again
            </button>
          </Alert>
        </div>
      ) : null}
      <div className="relative">
        <div ref={ref} onScroll={onScroll} className="max-h-[32rem] min-h-32 overflow-y-auto py-2 font-mono text-xs leading-5" data-testid="log-panel">
          {history.status === "loading" && logs.length === 0 ? (
            <div className="space-y-2 px-4" aria-busy="true" aria-label="Loading activity">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-4 w-full" />
              ))}
            </div>
          ) : rows.length === 0 ? (
            <EmptyState title="No activity yet">Agent output appears here as it happens.</EmptyState>
          ) : (
            <ol aria-label="Activity log" aria-live="off">
              {rows.map((row) => {
                const subtask = row.events[0]!.subtaskId;
                return <LogRowItem key={row.key} row={row} source={subtask ? (sources.get(subtask) ?? TASK_SOURCE) : TASK_SOURCE} />;
              })}
            </ol>
          )}
        </div>
        {!following ? (
          <Button size="sm" variant="primary" onClick={follow} className="absolute right-4 bottom-3 shadow-md">
            Jump to latest ↓
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
