// Merges log events from history pages and the live socket into one ordered, duplicate-free
// buffer. Both sources overlap by design (subscribe first, then fetch), so seq decides identity.
// A long log holds tens of thousands of lines and live lines merge many times a second, so a
// merge costs one array copy: lookups are binary searches over the ordered array, not a map.
import type { LogEventMessage } from "@/server/contracts/realtime";

/** A log event as the browser holds it: history pages may leave a line's tool data out. */
export type LogLine = LogEventMessage & { dataOmitted?: boolean };

export interface LogBuffer {
  /** Events in ascending seq order, each seq once. */
  readonly ordered: readonly LogLine[];
  /** Highest seq with every seq from the start of the loaded history up to it present;
   * catch-up fetches resume after it. */
  readonly contiguousSeq: number;
  readonly maxSeq: number;
}

export const emptyLogBuffer: LogBuffer = { ordered: [], contiguousSeq: 0, maxSeq: 0 };

/** Index of the first event whose seq is at least `seq` (events.length when none is). */
export function lowerBoundBySeq(events: readonly { seq: number }[], seq: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid]!.seq < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function findLogLine(buffer: LogBuffer, seq: number): LogLine | undefined {
  const line = buffer.ordered[lowerBoundBySeq(buffer.ordered, seq)];
  return line?.seq === seq ? line : undefined;
}

/**
 * Returns `buffer` itself when nothing is new, so callers can skip a re-render. `contiguousFrom`
 * says the incoming events are every seq from that one on (a page of the newest history): seqs
 * are gap-free per task, so holes below it are older history, not missed lines.
 */
export function mergeLogEvents(buffer: LogBuffer, incoming: readonly LogLine[], contiguousFrom?: number): LogBuffer {
  const seen = new Set<number>();
  const fresh: LogLine[] = [];
  for (const event of incoming) {
    if (seen.has(event.seq) || findLogLine(buffer, event.seq)) continue;
    seen.add(event.seq);
    fresh.push(event);
  }
  let contiguousSeq = contiguousFrom === undefined ? buffer.contiguousSeq : Math.max(buffer.contiguousSeq, contiguousFrom - 1);
  if (fresh.length === 0 && contiguousSeq === buffer.contiguousSeq) return buffer;

  fresh.sort((a, b) => a.seq - b.seq);
  const first = fresh[0];
  const last = fresh.at(-1);
  // Live events nearly always arrive after everything held and older history pages before it,
  // so appending and prepending are the common cases.
  const ordered =
    !first || first.seq > buffer.maxSeq
      ? [...buffer.ordered, ...fresh]
      : last!.seq < buffer.ordered[0]!.seq
        ? [...fresh, ...buffer.ordered]
        : [...buffer.ordered, ...fresh].sort((a, b) => a.seq - b.seq);

  // Walk up from the contiguous seq: its successors sit right after it in `ordered`.
  let index = lowerBoundBySeq(ordered, contiguousSeq + 1);
  while (ordered[index]?.seq === contiguousSeq + 1) {
    contiguousSeq += 1;
    index += 1;
  }

  return { ordered, contiguousSeq, maxSeq: Math.max(buffer.maxSeq, last?.seq ?? 0) };
}
