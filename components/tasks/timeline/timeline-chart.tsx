// The Gantt drawing: a row per agent with a time axis; each subtask is one button whose striped
// part is the wait in the queue and whose solid part is the run, coloured by its status.
import { formatDuration } from "@/components/format/duration";
import { statusTone } from "@/components/status-badge";
import type { BadgeTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/class-names";
import type { Timeline } from "./build-timeline";
import { barDescription, rowLabel } from "./timeline-labels";

const LANE_HEIGHT = 28;

const runTones: Record<BadgeTone, string> = {
  neutral: "border-border-strong bg-neutral-soft text-neutral-fg",
  info: "border-info-dot bg-info-soft text-info-fg",
  success: "border-success-fg/60 bg-success-soft text-success-fg",
  danger: "border-danger-fg bg-danger-soft text-danger-fg",
  halted: "border-halted-fg/60 bg-halted-soft text-halted-fg",
  warning: "border-warning-fg/60 bg-warning-soft text-warning-fg",
  accent: "border-accent bg-accent-soft text-accent",
};
export const WAIT_STRIPES = "border border-dashed border-border-strong bg-[repeating-linear-gradient(135deg,var(--border-strong)_0_1.5px,transparent_1.5px_6px)]";

const pct = (ms: number, total: number) => `${(ms / total) * 100}%`;

export function TimelineChart({ timeline, selectedId, onSelect }: { timeline: Timeline; selectedId: string | null; onSelect: (id: string) => void }) {
  const { durationMs, ticks } = timeline;
  const gridLines = ticks.map((t) => <span key={t} aria-hidden className="absolute inset-y-0 border-l border-border" style={{ left: pct(t, durationMs) }} />);
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3 text-xs sm:grid-cols-[10rem_minmax(0,1fr)]" data-testid="timeline-chart">
      <span aria-hidden />
      <div aria-hidden className="relative mr-4 h-5 text-subtle tabular-nums">
        {ticks.map((t, i) => (
          <span key={t} className={cx("absolute top-0 whitespace-nowrap", i > 0 && "-translate-x-1/2")} style={{ left: pct(t, durationMs) }}>
            {formatDuration(t)}
          </span>
        ))}
      </div>
      {timeline.rows.map((row) => {
        const { name, id } = rowLabel(row);
        return (
          <div key={row.key} className="contents" data-testid="timeline-row">
            <div className="flex min-w-0 flex-col justify-center border-t border-border py-1" style={{ minHeight: row.lanes * LANE_HEIGHT + 8 }}>
              <span className={cx("truncate", row.waiting ? "text-subtle italic" : "font-medium text-foreground")}>{name}</span>
              {id ? <span className="truncate font-mono text-[11px] text-subtle">{id}</span> : null}
            </div>
            <div className="relative mr-4 border-t border-border" style={{ height: row.lanes * LANE_HEIGHT + 8 }}>
              {gridLines}
              {row.bars.map((bar) => {
                const from = bar.waitFrom ?? bar.runFrom ?? 0;
                const span = Math.max(bar.end - from, 1);
                const waitShare = bar.waitFrom === null ? 0 : ((bar.runFrom ?? bar.end) - bar.waitFrom) / span;
                const label = barDescription(bar, row);
                return (
                  <button
                    key={bar.subtask.id}
                    type="button"
                    onClick={() => onSelect(bar.subtask.id)}
                    aria-label={label}
                    aria-pressed={selectedId === bar.subtask.id}
                    title={label}
                    data-testid="timeline-bar"
                    data-subtask-id={bar.subtask.id}
                    data-status={bar.subtask.status}
                    className={cx("absolute flex min-w-1 overflow-hidden rounded-sm", selectedId === bar.subtask.id && "ring-2 ring-accent ring-offset-1 ring-offset-surface")}
                    style={{ left: pct(from, durationMs), width: pct(span, durationMs), top: bar.lane * LANE_HEIGHT + 6, height: LANE_HEIGHT - 6 }}
                  >
                    {waitShare > 0 ? <span className={cx("h-full shrink-0 rounded-l-sm", WAIT_STRIPES)} style={{ width: `${waitShare * 100}%` }} /> : null}
                    {bar.runFrom !== null ? (
                      <span className={cx("flex h-full min-w-0 flex-1 items-center rounded-sm border px-1 text-[11px] font-medium", runTones[statusTone(bar.subtask.status)])}>
                        <span className="overflow-hidden whitespace-nowrap">#{bar.subtask.index + 1}</span>
                      </span>
                    ) : null}
                  </button>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
