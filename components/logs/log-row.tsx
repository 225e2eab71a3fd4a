// One row of the activity log: time, which subtask it came from, what kind of event it is, and
// the message. Each event keeps its own element (with its seq) even when text chunks share a row;
// tool calls and results carry structured data that opens on demand.
import { memo } from "react";
import { formatClock, formatFullDate } from "@/components/format/time";
import { cx } from "@/components/ui/class-names";
import type { LogEventMessage } from "@/server/contracts/realtime";
import type { LogRow } from "./group-log-rows";
import { LOG_KINDS, logRowTone } from "./log-kinds";

export interface LogSource {
  label: string;
  title: string;
}

function LogRowView({ row, source }: { row: LogRow; source: LogSource }) {
  const first = row.events[0]!;
  const kind = LOG_KINDS[first.kind];
  const warn = first.level === "WARN" && first.kind !== "ERROR";
  return (
    <li
      data-testid="log-row"
      className={cx(
        // Narrow screens put the message under its time, source and kind.
        "grid grid-cols-[4.5rem_minmax(0,1fr)_auto] items-baseline gap-x-3 px-4 py-1 sm:grid-cols-[4.5rem_9rem_5rem_minmax(0,1fr)]",
        logRowTone(first.kind, first.level),
      )}
    >
      <time dateTime={first.createdAt} title={formatFullDate(first.createdAt)} className="text-subtle tabular-nums">
        {formatClock(first.createdAt)}
      </time>
      <span className="truncate text-muted" title={source.title}>
        {source.label}
      </span>
      <span>
        <span className={cx("inline-block rounded px-1.5 text-[11px] leading-5 font-medium", kind.chip)}>{kind.label}</span>
      </span>
      <div className={cx("col-span-3 min-w-0 whitespace-pre-wrap wrap-anywhere sm:col-span-1", kind.message, warn && "text-warning-fg")}>
        {row.events.map((event) => (
          <LogEntry key={event.seq} event={event} />
        ))}
      </div>
    </li>
  );
}

function LogEntry({ event }: { event: LogEventMessage }) {
  const marks = { "data-testid": "log-line", "data-seq": event.seq, "data-kind": event.kind };
  if (event.data === null || event.data === undefined) return <span {...marks}>{event.message}</span>;
  return (
    <details {...marks} className="group">
      <summary className="cursor-pointer list-none marker:hidden">
        <span aria-hidden className="mr-1 inline-block text-subtle transition-transform group-open:rotate-90">▸</span>
        {event.message}
      </summary>
      <pre className="mt-1 mb-1 max-h-80 overflow-auto rounded border border-border bg-surface-muted p-2 text-foreground">{formatData(event.data)}</pre>
    </details>
  );
}

function formatData(data: unknown): string {
  if (typeof data === "string") return data;
  try {
    return JSON.stringify(data, null, 2);
  } catch {
    return String(data);
  }
}

/** Events never change once written, so a row only needs redrawing when chunks join it or its
 * subtask's name changes; task refetches rebuild the source objects without changing them. */
export const LogRowItem = memo(
  LogRowView,
  (before, after) =>
    before.row.key === after.row.key &&
    before.row.events.length === after.row.events.length &&
    before.source.label === after.source.label &&
    before.source.title === after.source.title,
);
