"use client";
// When each subtask waited and ran, per agent: shows how much ran in parallel and where work
// queued for an agent. Live while the task runs; a toggle shows the same data as a table.
import { useMemo, useState } from "react";
import { useNow } from "@/components/hooks/use-now";
import type { SubtaskView } from "@/components/tasks/subtask-view";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buildTimeline } from "./build-timeline";
import { TimelineChart, WAIT_STRIPES } from "./timeline-chart";
import { TimelineTable } from "./timeline-table";

export function SubtaskTimeline({
  subtasks,
  taskStartedAt,
  selectedId,
  onSelect,
}: {
  subtasks: SubtaskView[];
  taskStartedAt: Date | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const now = useNow();
  const [asTable, setAsTable] = useState(false);
  const timeline = useMemo(() => buildTimeline(subtasks, { now, taskStartedAt }), [subtasks, now, taskStartedAt]);
  const agents = timeline.rows.filter((row) => !row.waiting).length;
  const description =
    timeline.rows.length === 0
      ? undefined
      : `${agents} ${agents === 1 ? "agent" : "agents"} · up to ${timeline.peakParallel} ${timeline.peakParallel === 1 ? "subtask" : "subtasks"} at once`;

  return (
    <Card data-testid="subtask-timeline">
      <CardHeader
        title="Timeline"
        description={description}
        actions={
          timeline.rows.length > 0 ? (
            <Button size="sm" variant="ghost" aria-pressed={asTable} onClick={() => setAsTable((value) => !value)}>
              {asTable ? "Show as chart" : "Show as table"}
            </Button>
          ) : null
        }
      />
      {timeline.rows.length === 0 ? (
        <EmptyState title="Nothing has run yet">Subtasks appear here once they are queued for an agent.</EmptyState>
      ) : asTable ? (
        <TimelineTable timeline={timeline} onSelect={onSelect} />
      ) : (
        <div className="space-y-3 px-4 py-3">
          <TimelineChart timeline={timeline} selectedId={selectedId} onSelect={onSelect} />
          <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted" aria-hidden>
            <span className="flex items-center gap-1.5">
              <span className={`inline-block h-3 w-5 rounded-sm ${WAIT_STRIPES}`} /> waiting in the queue
            </span>
            <span className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-5 rounded-sm border border-info-dot bg-info-soft" /> running (coloured by status)
            </span>
          </p>
        </div>
      )}
    </Card>
  );
}
