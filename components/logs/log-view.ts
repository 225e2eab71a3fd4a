// The rows the viewer shows: the buffer's lines through the filter, grouped. Live lines arrive
// many times a second on logs of tens of thousands of lines, so a view built from the previous
// one only looks at the lines that are new; anything else (a filter change, older history, a
// filled gap) rebuilds it in one linear pass.
import type { LogLine } from "@/components/live/merge-log-events";
import { extendLogRows, type LogRow } from "./group-log-rows";
import { matchesFilter, type LogFilter } from "./log-filter";

export interface LogView {
  /** The buffer's lines this view was built from. */
  source: readonly LogLine[];
  filter: LogFilter;
  rows: LogRow[];
  /** How many lines pass the filter. */
  lineCount: number;
}

const appendedTo = (previous: readonly LogLine[], next: readonly LogLine[]) =>
  previous.length > 0 &&
  next.length >= previous.length &&
  next[0] === previous[0] &&
  next[previous.length - 1] === previous[previous.length - 1];

export function buildLogView(previous: LogView | null, source: readonly LogLine[], filter: LogFilter): LogView {
  if (previous && previous.source === source && previous.filter === filter) return previous;
  const incremental = previous !== null && previous.filter === filter && appendedTo(previous.source, source);
  const start = incremental ? previous.source.length : 0;
  const added: LogLine[] = [];
  for (let i = start; i < source.length; i++) if (matchesFilter(source[i]!, filter)) added.push(source[i]!);
  if (incremental && added.length === 0) return { ...previous, source };
  return {
    source,
    filter,
    rows: extendLogRows(incremental ? previous.rows : [], added),
    lineCount: (incremental ? previous.lineCount : 0) + added.length,
  };
}

/** Index of the row holding `seq`, or -1 when the view does not show it. */
export function rowIndexOfSeq(rows: readonly LogRow[], seq: number): number {
  let low = 0;
  let high = rows.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]!.key <= seq) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found === -1) return -1;
  return rows[found]!.events.some((event) => event.seq === seq) ? found : -1;
}

/** Index of the first row at or after `seq`, for keeping the reader's place when rows change. */
export function rowIndexAtOrAfter(rows: readonly LogRow[], seq: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]!.events.at(-1)!.seq < seq) low = mid + 1;
    else high = mid;
  }
  return Math.min(low, rows.length - 1);
}

/** How many shown lines came after `seq`: the count on "Jump to latest". */
export function countLinesAfter(rows: readonly LogRow[], seq: number): number {
  let count = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const events = rows[i]!.events;
    if (events.at(-1)!.seq <= seq) break;
    for (const event of events) if (event.seq > seq) count += 1;
  }
  return count;
}
