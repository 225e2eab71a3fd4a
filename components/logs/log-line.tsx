// One log event: time, which subtask it came from, what kind of event it is, and the message.
// Tool calls and results carry structured data that opens on demand.
import { memo } from "react";
import { formatClock, formatFullDate } from "@/components/format/time";
import { cx } from "@/components/ui/class-names";
import type { LogEventMessage } from "@/server/contracts/realtime";

const kinds: Record<LogEventMessage["kind"], { label: string; chip: string; message: string }> = {
  TEXT: { label: "text", chip: "bg-neutral-soft text-neutral-fg", message: "text-foreground" },
  TOOL_CALL: { label: "tool call", chip: "bg-tool-call-soft text-tool-call-fg", message: "text-tool-call-fg" },
  TOOL_RESULT: { label: "result", chip: "bg-tool-result-soft text-tool-result-fg", message: "text-tool-result-fg" },
  STATUS: { label: "status", chip: "bg-info-soft text-info-fg", message: "font-semibold text-foreground" },
  ERROR: { label: "error", chip: "bg-danger-soft text-danger-fg", message: "text-danger-fg" },
};

export interface LogSource {
  label: string;
  title: string;
}

export const LogLine = memo(function LogLine({ event, source }: { event: LogEventMessage; source: LogSource }) {
  const kind = kinds[event.kind];
  const warn = event.level === "WARN" && event.kind !== "ERROR";
  const hasData = event.data !== null && event.data !== undefined;
  return (
    <li
      data-testid="log-line"
      data-seq={event.seq}
      data-kind={event.kind}
      className={cx(
        // Narrow screens put the message under its time, source and kind.
        "grid grid-cols-[4.5rem_minmax(0,1fr)_auto] items-baseline gap-x-3 px-4 py-1 sm:grid-cols-[4.5rem_9rem_5rem_minmax(0,1fr)]",
        event.kind === "ERROR" && "bg-danger-soft/60",
        warn && "bg-warning-soft/60",
      )}
    >
      <time dateTime={event.createdAt} title={formatFullDate(event.createdAt)} className="text-subtle tabular-nums">
        {formatClock(event.createdAt)}
      </time>
      <span className="truncate text-muted" title={source.title}>
        {source.label}
      </span>
      <span>
        <span className={cx("inline-block rounded px-1.5 text-[11px] leading-5 font-medium", kind.chip)}>{kind.label}</span>
      </span>
      <div className={cx("col-span-3 min-w-0 break-words whitespace-pre-wrap sm:col-span-1", kind.message, warn && "text-warning-fg")}>
        {hasData ? (
          <details className="group">
            <summary className="cursor-pointer list-none marker:hidden">
              <span aria-hidden className="mr-1 inline-block text-subtle transition-transform group-open:rotate-90">▸</span>
              {event.message}
            </summary>
            <pre className="mt-1 mb-1 max-h-80 overflow-auto rounded border border-border bg-surface-muted p-2 text-foreground">
              {formatData(event.data)}
            </pre>
          </details>
        ) : (
          event.message
        )}
      </div>
    </li>
  );
});

function formatData(data: unknown): string {
  if (typeof data === "string") return data;
  try {
    return JSON.stringify(data, null, 2);
  } catch {
    return String(data);
  }
}
