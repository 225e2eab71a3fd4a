// The plan on the public share page: each subtask's title, status, timing and tokens, as a list
// that reads the same on a phone as on a desk.
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { formatCount } from "@/components/format/numbers";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { SharedTask } from "@/server/services/access/share-links";
import { formatUtcClock, formatUtcDateTime } from "./format-utc";

type SharedSubtask = SharedTask["task"]["subtasks"][number];

function Clock({ date }: { date: Date | null }) {
  if (!date) return <span className="text-subtle">—</span>;
  return (
    <time dateTime={date.toISOString()} title={formatUtcDateTime(date)}>
      {formatUtcClock(date)}
    </time>
  );
}

function SubtaskRow({ subtask, now }: { subtask: SharedSubtask; now: number }) {
  const elapsed = elapsedMs(subtask.startedAt, subtask.finishedAt, now);
  return (
    <li className="flex gap-3 px-4 py-3" data-testid="shared-subtask">
      <span className="w-6 shrink-0 pt-0.5 text-right text-sm text-subtle tabular-nums">{subtask.index + 1}</span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <p className="min-w-0 text-sm font-medium wrap-anywhere text-foreground">{subtask.title}</p>
          <StatusBadge status={subtask.status} className="shrink-0" />
        </div>
        <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-muted tabular-nums">
          <div className="flex gap-1">
            <dt className="text-subtle">Started</dt>
            <dd>
              <Clock date={subtask.startedAt} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-subtle">Finished</dt>
            <dd>
              <Clock date={subtask.finishedAt} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-subtle">{subtask.startedAt && !subtask.finishedAt ? "Running for" : "Took"}</dt>
            <dd>{elapsed === null ? "—" : formatDuration(elapsed)}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-subtle">Tokens</dt>
            <dd>
              {formatCount(subtask.inputTokens)} in / {formatCount(subtask.outputTokens)} out
            </dd>
          </div>
        </dl>
      </div>
    </li>
  );
}

export function SharedSubtaskOutline({ subtasks, now }: { subtasks: SharedSubtask[]; now: number }) {
  return (
    <Card>
      <CardHeader title="Plan" description={subtasks.length ? "Times are UTC." : undefined} />
      {subtasks.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">This task has no subtasks.</p>
      ) : (
        <ol className="divide-y divide-border">
          {subtasks.map((subtask) => (
            <SubtaskRow key={subtask.index} subtask={subtask} now={now} />
          ))}
        </ol>
      )}
    </Card>
  );
}
