// Merges log events from history pages and the live socket into one ordered, duplicate-free
// buffer. Both sources overlap by design (subscribe first, then fetch), so seq decides identity.
import type { LogEventMessage } from "@/server/contracts/realtime";

export interface LogBuffer {
  readonly bySeq: ReadonlyMap<number, LogEventMessage>;
  /** Events in ascending seq order. */
  readonly ordered: readonly LogEventMessage[];
  /** Highest seq with every seq from 1 up to it present; catch-up fetches resume after it. */
  readonly contiguousSeq: number;
  readonly maxSeq: number;
}

export const emptyLogBuffer: LogBuffer = { bySeq: new Map(), ordered: [], contiguousSeq: 0, maxSeq: 0 };

/** Returns `buffer` itself when nothing is new, so callers can skip a re-render. */
export function mergeLogEvents(buffer: LogBuffer, incoming: readonly LogEventMessage[]): LogBuffer {
  const fresh: LogEventMessage[] = [];
  const seen = new Set<number>();
  for (const event of incoming) {
    if (buffer.bySeq.has(event.seq) || seen.has(event.seq)) continue;
    seen.add(event.seq);
    fresh.push(event);
  }
  if (fresh.length === 0) return buffer;

  const bySeq = new Map(buffer.bySeq);
  for (const event of fresh) bySeq.set(event.seq, event);

  fresh.sort((a, b) => a.seq - b.seq);
  const first = fresh[0]!;
  // Live events nearly always arrive after everything held, so appending is the common case.
  const ordered =
    first.seq > buffer.maxSeq ? [...buffer.ordered, ...fresh] : [...buffer.ordered, ...fresh].sort((a, b) => a.seq - b.seq);

  let contiguousSeq = buffer.contiguousSeq;
  while (bySeq.has(contiguousSeq + 1)) contiguousSeq += 1;

  return { bySeq, ordered, contiguousSeq, maxSeq: Math.max(buffer.maxSeq, fresh.at(-1)!.seq) };
}
