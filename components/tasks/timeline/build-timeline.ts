// Turns a task's subtasks into a Gantt chart per agent: one row per agent that ran something,
// bars from start to finish preceded by the time the subtask waited in its queue, plus a row for
// subtasks no agent has picked up yet. Times are offsets from the chart's start, so the view only
// scales them. Pure, so the geometry is tested without a browser.

export interface TimelineSubtask {
  id: string;
  index: number;
  title: string;
  status: string;
  agentId: string | null;
  profileName: string | null;
  queuedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

export interface TimelineBar {
  subtask: TimelineSubtask;
  /** Stacking lane inside the row; a row has as many lanes as it needs to avoid overlaps. */
  lane: number;
  /** Offsets in ms from the chart's start. The wait runs from `waitFrom` to `runFrom` (or `end`). */
  waitFrom: number | null;
  runFrom: number | null;
  end: number;
  waitedMs: number | null;
  ranMs: number | null;
  /** Still growing: the subtask waits or runs now. */
  live: boolean;
}

export interface TimelineRow {
  key: string;
  /** The row of subtasks no agent has started yet. */
  waiting: boolean;
  /** Null on the waiting row, and for a run whose agent was not recorded. */
  agentId: string | null;
  profileName: string | null;
  lanes: number;
  bars: TimelineBar[];
}

export interface Timeline {
  /** Epoch ms of offset 0. */
  origin: number;
  durationMs: number;
  rows: TimelineRow[];
  /** Offsets in ms for the time axis, from 0, evenly spaced on a round step. */
  ticks: number[];
  /** Most subtasks that ran at the same moment. */
  peakParallel: number;
}

const QUEUE_ROW = "queue";
const LIVE_STATUSES = new Set(["QUEUED", "RUNNING"]);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const TICK_STEPS = [1, 2, 5, 10, 15, 30].map((n) => n * SECOND).concat([1, 2, 5, 10, 15, 30].map((n) => n * MINUTE), [1, 2, 3, 6, 12, 24].map((n) => n * HOUR));

/** The smallest round step that keeps the axis at `maxTicks` intervals or fewer. */
export function timeTicks(durationMs: number, maxTicks = 6): number[] {
  const step = TICK_STEPS.find((s) => durationMs / s <= maxTicks) ?? Math.ceil(durationMs / maxTicks / HOUR) * HOUR;
  const ticks: number[] = [];
  for (let t = 0; t <= durationMs; t += step) ticks.push(t);
  return ticks;
}

/** Most intervals open at one instant (an interval ending as another starts is not overlap). */
export function peakOverlap(intervals: readonly { from: number; to: number }[]): number {
  const events = intervals.flatMap(({ from, to }) => [
    { at: from, delta: 1 },
    { at: to, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let peak = 0;
  for (const { delta } of events) {
    open += delta;
    peak = Math.max(peak, open);
  }
  return peak;
}

export function buildTimeline(subtasks: readonly TimelineSubtask[], options: { now: number; taskStartedAt: Date | null }): Timeline {
  const shown = subtasks.filter((s) => s.startedAt !== null || s.queuedAt !== null);
  const live = (s: TimelineSubtask) => s.finishedAt === null && LIVE_STATUSES.has(s.status);
  // A subtask handed back without finishing (budget pause) stopped growing when its row last changed.
  const endOf = (s: TimelineSubtask) => s.finishedAt?.getTime() ?? (live(s) ? options.now : s.updatedAt.getTime());
  const starts = shown.map((s) => Math.min(s.queuedAt?.getTime() ?? Infinity, s.startedAt?.getTime() ?? Infinity));
  const origin = Math.min(options.taskStartedAt?.getTime() ?? Infinity, ...starts);
  if (!Number.isFinite(origin)) return { origin: options.now, durationMs: 0, rows: [], ticks: [], peakParallel: 0 };

  const bars = shown
    .map((subtask) => {
      const end = Math.max(endOf(subtask), subtask.startedAt?.getTime() ?? 0, subtask.queuedAt?.getTime() ?? 0) - origin;
      const runFrom = subtask.startedAt ? subtask.startedAt.getTime() - origin : null;
      const waitFrom = subtask.queuedAt ? subtask.queuedAt.getTime() - origin : null;
      // A subtask requeued after a crash keeps its first start; its queue time then precedes it.
      const waitTo = runFrom ?? end;
      const waited = waitFrom !== null && waitFrom <= waitTo ? waitTo - waitFrom : null;
      return { subtask, lane: 0, waitFrom: waited === null ? null : waitFrom, runFrom, end, waitedMs: waited, ranMs: runFrom === null ? null : end - runFrom, live: live(subtask) };
    })
    .sort((a, b) => (a.runFrom ?? a.waitFrom ?? 0) - (b.runFrom ?? b.waitFrom ?? 0) || a.subtask.index - b.subtask.index);

  // Rows: one per agent that started something (in order of its first start), then the queue.
  const groups = new Map<string, TimelineBar[]>();
  for (const bar of bars) {
    const key = bar.runFrom === null ? QUEUE_ROW : `agent:${bar.subtask.agentId ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), bar]);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => Number(a === QUEUE_ROW) - Number(b === QUEUE_ROW))
    .map(([key, rowBars]): TimelineRow => ({
      key,
      waiting: key === QUEUE_ROW,
      agentId: key === QUEUE_ROW ? null : rowBars[0]!.subtask.agentId,
      profileName: key === QUEUE_ROW ? null : rowBars[0]!.subtask.profileName,
      ...stackLanes(rowBars),
    }));

  const durationMs = Math.max(SECOND, ...bars.map((b) => b.end));
  const peakParallel = peakOverlap(bars.flatMap((b) => (b.runFrom === null ? [] : [{ from: b.runFrom, to: b.end }])));
  return { origin, durationMs, rows, ticks: timeTicks(durationMs), peakParallel };
}

/** First-fit lanes: a bar goes in the first lane whose last bar ended before it began. */
function stackLanes(bars: TimelineBar[]): { lanes: number; bars: TimelineBar[] } {
  const laneEnds: number[] = [];
  const byStart = [...bars].sort((a, b) => (a.waitFrom ?? a.runFrom ?? 0) - (b.waitFrom ?? b.runFrom ?? 0));
  const placed = byStart.map((bar) => {
    const from = bar.waitFrom ?? bar.runFrom ?? 0;
    let lane = laneEnds.findIndex((end) => end <= from);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = bar.end;
    return { ...bar, lane };
  });
  return { lanes: Math.max(1, laneEnds.length), bars: placed };
}
