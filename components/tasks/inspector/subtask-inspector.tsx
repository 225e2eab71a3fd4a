"use client";
// The focused subtask: what it was asked, what it was given (its dependencies' results), what
// it produced, why it ended as it did, and its figures beside the whole task's.
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/status-badge";
import type { SubtaskView } from "@/components/tasks/subtask-view";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { SubtaskFigures, type TaskTotals } from "./subtask-figures";
import { SubtaskResult } from "./subtask-result";

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="space-y-1.5" data-testid={testId}>
      <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{title}</h3>
      {children}
    </section>
  );
}

export function SubtaskInspector({
  subtask,
  subtasks,
  task,
  onSelect,
}: {
  subtask: SubtaskView;
  subtasks: SubtaskView[];
  task: TaskTotals;
  onSelect: (id: string | null) => void;
}) {
  const byId = new Map(subtasks.map((s) => [s.id, s]));
  const inputs = subtask.dependsOn.flatMap((id) => byId.get(id) ?? []);
  const done = subtask.status === "SUCCEEDED";
  return (
    <Card aria-label={`Subtask ${subtask.index + 1}`} data-testid="subtask-inspector" data-subtask-id={subtask.id}>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              <span className="mr-1 text-subtle tabular-nums">#{subtask.index + 1}</span>
              {subtask.title}
            </span>
            <StatusBadge status={subtask.status} />
          </span>
        }
        description={subtask.optional ? "Optional: the task goes on if it fails." : undefined}
        actions={
          <Button size="sm" variant="ghost" onClick={() => onSelect(null)} aria-label="Close the subtask inspector">
            Close
          </Button>
        }
      />
      <div className="grid gap-6 p-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          {subtask.statusReason ? (
            <p
              className={cx(
                "rounded-md border px-3 py-2 text-sm whitespace-pre-wrap wrap-anywhere",
                subtask.status === "FAILED" ? "border-danger-border bg-danger-soft text-danger-fg" : "border-border bg-halted-soft text-halted-fg",
              )}
              data-testid="inspector-reason"
            >
              {subtask.statusReason}
            </p>
          ) : null}
          <Section title="Instructions" testId="inspector-instructions">
            <p className="max-h-56 overflow-auto text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere text-foreground">{subtask.instructions}</p>
          </Section>
          <Section title={`Inputs (${inputs.length})`} testId="inspector-inputs">
            {inputs.length === 0 ? (
              <p className="text-sm text-subtle">None: this subtask depends on no other, it starts from the task&rsquo;s prompt and files.</p>
            ) : (
              <ul className="space-y-3">
                {inputs.map((input) => (
                  <li key={input.id} className="rounded-md border border-border p-3" data-testid="inspector-input">
                    <div className="mb-1.5 flex flex-wrap items-center justify-between gap-2">
                      <button type="button" onClick={() => onSelect(input.id)} className="text-left text-sm font-medium text-accent hover:underline">
                        #{input.index + 1} {input.title}
                      </button>
                      <StatusBadge status={input.status} />
                    </div>
                    <SubtaskResult subtask={input} pendingText="No result yet." />
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title="Output" testId="inspector-output">
            <SubtaskResult subtask={subtask} pendingText={done ? "It finished without a summary." : "Not finished yet."} />
          </Section>
        </div>
        <SubtaskFigures subtask={subtask} task={task} />
      </div>
    </Card>
  );
}
