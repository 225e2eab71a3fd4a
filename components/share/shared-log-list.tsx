// The activity log on the public share page, when the link includes it: plain read-only lines,
// without the structured tool data the dashboard can open.
import { formatCount } from "@/components/format/numbers";
import { LOG_KINDS, logRowTone } from "@/components/logs/log-kinds";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { SHARED_LOG_LIMIT, type SharedTask } from "@/server/services/access/share-links";
import { formatUtcClock, formatUtcDateTime } from "./format-utc";
import { ScrollFrame } from "@/components/ui/scroll-frame";

type SharedLogLine = NonNullable<SharedTask["logs"]>[number];

function LogLine({ line }: { line: SharedLogLine }) {
  return (
    <li
      data-testid="shared-log-line"
      className={cx(
        // Narrow screens put the message under its time, source and kind.
        "grid grid-cols-[4.5rem_3rem_minmax(0,1fr)] items-baseline gap-x-3 px-4 py-1 sm:grid-cols-[4.5rem_3rem_4.5rem_minmax(0,1fr)]",
        logRowTone(line.kind, line.level),
      )}
    >
      <time dateTime={line.createdAt.toISOString()} title={formatUtcDateTime(line.createdAt)} className="text-subtle tabular-nums">
        {formatUtcClock(line.createdAt)}
      </time>
      <span className="text-muted tabular-nums">{line.subtask ? `#${line.subtask.index + 1}` : "task"}</span>
      <span className="text-muted">{LOG_KINDS[line.kind].label}</span>
      <span className={cx("col-span-3 min-w-0 whitespace-pre-wrap wrap-anywhere sm:col-span-1", line.kind === "ERROR" ? "text-danger-fg" : "text-foreground")}>
        {line.message}
      </span>
    </li>
  );
}

export function SharedLogList({ logs }: { logs: SharedLogLine[] }) {
  const cut = logs.length >= SHARED_LOG_LIMIT;
  return (
    <Card>
      <CardHeader
        title="Log"
        description={`${formatCount(logs.length)} ${logs.length === 1 ? "line" : "lines"}${cut ? ` — the first ${formatCount(SHARED_LOG_LIMIT)} are shown` : ""}. Times are UTC; #n is the subtask.`}
      />
      {logs.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">Nothing was logged.</p>
      ) : (
        <ScrollFrame as="ol" label="Log lines" className="max-h-[36rem] overflow-y-auto py-2 font-mono text-xs leading-5">
          {logs.map((line) => (
            <LogLine key={line.seq} line={line} />
          ))}
        </ScrollFrame>
      )}
    </Card>
  );
}
