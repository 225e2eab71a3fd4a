// What a subtask produced: its summary and, folded away, its structured output. Used for the
// inspected subtask's own result and for each of its inputs.
import type { SubtaskView } from "@/components/tasks/subtask-view";

export function SubtaskResult({ subtask, pendingText }: { subtask: Pick<SubtaskView, "summary" | "output">; pendingText: string }) {
  const hasOutput = subtask.output !== null && subtask.output !== undefined;
  if (!subtask.summary && !hasOutput) return <p className="text-sm text-subtle">{pendingText}</p>;
  return (
    <div className="space-y-2">
      {subtask.summary ? <p className="text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere text-foreground">{subtask.summary}</p> : null}
      {hasOutput ? (
        <details className="text-xs text-muted">
          <summary className="cursor-pointer select-none hover:text-foreground">Structured output</summary>
          <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-surface-muted p-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere text-foreground">
            {JSON.stringify(subtask.output, null, 2)}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
