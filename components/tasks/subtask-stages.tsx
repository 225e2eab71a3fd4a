// The plan as stages: a row holds the subtasks whose dependencies all sit in rows above it, so
// the dependency graph reads top to bottom and each card names what it waits for.
import { useMemo } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { layerSubtasks } from "./layer-subtasks";
import { SubtaskCard, type SubtaskView } from "./subtask-card";

export function SubtaskStages({ subtasks, planning }: { subtasks: SubtaskView[]; planning: boolean }) {
  const stages = useMemo(() => layerSubtasks(subtasks), [subtasks]);
  const indexById = useMemo(() => new Map(subtasks.map((s) => [s.id, s.index])), [subtasks]);
  const done = subtasks.filter((s) => s.status === "SUCCEEDED").length;

  return (
    <Card>
      <CardHeader
        title="Plan"
        description={subtasks.length > 0 ? `${done} of ${subtasks.length} subtasks done · ${stages.length} ${stages.length === 1 ? "stage" : "stages"}` : undefined}
      />
      {subtasks.length === 0 ? (
        <EmptyState title={planning ? "Planning…" : "No subtasks"}>
          {planning ? "Claude is splitting the task into subtasks. They appear here as soon as the plan is ready." : "This task ended before a plan was made."}
        </EmptyState>
      ) : (
        <ol className="divide-y divide-border">
          {stages.map((stage, i) => (
            <li key={i} className="grid gap-3 p-4 md:grid-cols-[7rem_minmax(0,1fr)]" data-testid="subtask-stage">
              <div className="text-xs">
                <p className="font-semibold tracking-wide text-muted uppercase">Stage {i + 1}</p>
                <p className="mt-0.5 text-subtle">{i === 0 ? "no dependencies" : "needs earlier stages"}</p>
              </div>
              <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
                {stage.map((subtask) => (
                  <SubtaskCard
                    key={subtask.id}
                    subtask={subtask}
                    dependencyLabels={subtask.dependsOn.flatMap((id) => {
                      const index = indexById.get(id);
                      return index === undefined ? [] : [`#${index + 1}`];
                    })}
                  />
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
