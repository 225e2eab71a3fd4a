// Messages above the log: history that failed to load, a copy the browser refused, and where a
// `#log-<seq>` link stands (still loading, hidden by the filters, not in this log).
import type { LogHistoryState, OlderLogsState } from "@/components/hooks/use-task-live";
import { Alert } from "@/components/ui/alert";

export type LinkState = "loading" | "filtered" | "missing" | null;

interface LogPanelNoticesProps {
  history: LogHistoryState;
  older: OlderLogsState;
  onRetry(): void;
  notice: string | null;
  linkedSeq: number | null;
  linkState: LinkState;
  onShowAll(): void;
}

const retryButton = (onRetry: () => void) => (
  <button type="button" onClick={onRetry} className="font-medium underline">
    Try again
  </button>
);

export function LogPanelNotices({ history, older, onRetry, notice, linkedSeq, linkState, onShowAll }: LogPanelNoticesProps) {
  const alerts = [
    history.status === "error" ? (
      <Alert key="history" title="Could not load the activity log">
        {history.message} {retryButton(onRetry)}
      </Alert>
    ) : null,
    older.status === "error" ? (
      <Alert key="older" tone="warning" title="Could not load the earlier lines">
        {older.message} {retryButton(onRetry)}
      </Alert>
    ) : null,
    notice ? (
      <Alert key="notice" tone="warning">
        {notice}
      </Alert>
    ) : null,
    linkState === "loading" ? (
      <Alert key="link" tone="info">
        Finding line {linkedSeq} while the earlier lines load…
      </Alert>
    ) : linkState === "filtered" ? (
      <Alert key="link" tone="info">
        Line {linkedSeq} is hidden by the filters.{" "}
        <button type="button" onClick={onShowAll} className="font-medium underline">
          Show all lines
        </button>
      </Alert>
    ) : linkState === "missing" ? (
      <Alert key="link" tone="warning">
        This log has no line {linkedSeq}; the link may be for another task.
      </Alert>
    ) : null,
  ].filter(Boolean);
  return alerts.length > 0 ? <div className="space-y-2 border-b border-border px-4 py-3">{alerts}</div> : null;
}
