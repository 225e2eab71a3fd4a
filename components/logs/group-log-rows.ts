// Streamed model text arrives as many small events, often cut mid-word; consecutive text from
// the same source is shown as one row so it reads as the paragraph it is.
import type { LogLine } from "@/components/live/merge-log-events";

export interface LogRow {
  /** Seq of the row's first event: stable while later chunks join the row. */
  key: number;
  events: LogLine[];
}

const continues = (previous: LogLine, event: LogLine) =>
  event.kind === "TEXT" &&
  previous.kind === "TEXT" &&
  previous.subtaskId === event.subtaskId &&
  previous.agentId === event.agentId &&
  previous.level === event.level;

/**
 * `rows` with `events` (all after its last event) added, as a new array. Rows already rendered
 * are never mutated: a row that new chunks join is replaced by a copy, so memoised row views
 * notice. Rows created within the call are extended in place, so a full build stays linear.
 */
export function extendLogRows(rows: readonly LogRow[], events: readonly LogLine[]): LogRow[] {
  const next = rows.slice();
  let ownLast = false;
  for (const event of events) {
    const row = next.at(-1);
    const previous = row?.events.at(-1);
    if (row && previous && continues(previous, event)) {
      if (ownLast) row.events.push(event);
      else next[next.length - 1] = { key: row.key, events: [...row.events, event] };
      ownLast = true;
    } else {
      next.push({ key: event.seq, events: [event] });
      ownLast = true;
    }
  }
  return next;
}

export const groupLogRows = (events: readonly LogLine[]): LogRow[] => extendLogRows([], events);
