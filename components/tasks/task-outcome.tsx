// How the task ended: the markdown result on success, the reason on failure or cancellation.
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { ResultMarkdown } from "@/components/tasks/result-markdown";

export function TaskOutcome({ status, resultMarkdown, statusReason }: { status: string; resultMarkdown: string | null; statusReason: string | null }) {
  if (status === "SUCCEEDED") {
    return (
      <Card>
        <CardHeader title="Result" />
        <div className="markdown px-5 py-4 text-sm text-foreground" data-testid="task-result">
          {resultMarkdown ? (
            <ResultMarkdown markdown={resultMarkdown} />
          ) : (
            <p className="text-muted">The task finished without a written result.</p>
          )}
        </div>
      </Card>
    );
  }
  if (status === "FAILED") {
    return (
      <div data-testid="task-failure">
        <Alert title="The task failed">{statusReason ?? "No reason was recorded."}</Alert>
      </div>
    );
  }
  if (status === "CANCELLED") {
    return (
      <div data-testid="task-cancelled" className="rounded-md border border-border bg-halted-soft px-3 py-2 text-sm text-halted-fg">
        <p className="font-medium">The task was cancelled</p>
        {statusReason ? <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{statusReason}</p> : null}
      </div>
    );
  }
  return null;
}
