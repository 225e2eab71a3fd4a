"use client";
// The plan of a task as three linked views: the dependency graph, the inspector of the subtask
// selected in it, and the per-agent timeline. Selecting in the graph, the timeline or an
// inspector input all set the same selection.
import { SubtaskGraph } from "@/components/tasks/graph/subtask-graph";
import { SubtaskInspector } from "@/components/tasks/inspector/subtask-inspector";
import type { TaskTotals } from "@/components/tasks/inspector/subtask-figures";
import type { SubtaskView } from "@/components/tasks/subtask-view";
import { SubtaskTimeline } from "@/components/tasks/timeline/subtask-timeline";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export function TaskPlan({
  task,
  planning,
  selectedId,
  onSelect,
}: {
  task: TaskTotals & { subtasks: SubtaskView[] };
  planning: boolean;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { subtasks } = task;
  const selected = subtasks.find((s) => s.id === selectedId) ?? null;
  const done = subtasks.filter((s) => s.status === "SUCCEEDED").length;
  return (
    <>
      <Card>
        <CardHeader
          title="Plan"
          description={
            subtasks.length > 0 ? `${done} of ${subtasks.length} subtasks done · select one to inspect it and filter the activity` : undefined
          }
        />
        {subtasks.length === 0 ? (
          <EmptyState title={planning ? "Planning…" : "No subtasks"}>
            {planning ? "Claude is splitting the task into subtasks. They appear here as soon as the plan is ready." : "This task ended before a plan was made."}
          </EmptyState>
        ) : (
          <SubtaskGraph subtasks={subtasks} selectedId={selected?.id ?? null} onSelect={onSelect} />
        )}
      </Card>
      {selected ? <SubtaskInspector subtask={selected} subtasks={subtasks} task={task} onSelect={onSelect} /> : null}
      {subtasks.length > 0 ? <SubtaskTimeline subtasks={subtasks} taskStartedAt={task.startedAt} selectedId={selected?.id ?? null} onSelect={onSelect} /> : null}
    </>
  );
}
