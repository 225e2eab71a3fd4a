// Flags write conflicts on the task page: two subtasks wrote the same workspace file at once;
// one waited for the other, or its write was refused. Hidden when there were none.
import type { RouterOutputs } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";

type TaskView = RouterOutputs["task"]["byId"];

export function WriteConflictsAlert({ conflicts, subtasks }: { conflicts: TaskView["writeConflicts"]; subtasks: TaskView["subtasks"] }) {
  if (conflicts.length === 0) return null;
  const byId = new Map(subtasks.map((s) => [s.id, `#${s.index + 1} ${s.title}`]));
  const name = (id: string) => byId.get(id) ?? "another subtask";
  return (
    <Alert tone="warning" title={conflicts.length === 1 ? "A write conflict" : `${conflicts.length} write conflicts`}>
      <p>Subtasks share the task&apos;s workspace. These wrote a file another subtask was still writing:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="write-conflicts">
        {conflicts.map((conflict) => (
          <li key={conflict.id}>
            <code className="font-mono">{conflict.path}</code>: {name(conflict.subtaskId)} {conflict.outcome === "waited" ? "waited for" : "was refused while"}{" "}
            {name(conflict.holderSubtaskId)}
            {conflict.outcome === "waited" ? ", then wrote it" : " was writing it"}.
          </li>
        ))}
      </ul>
    </Alert>
  );
}
