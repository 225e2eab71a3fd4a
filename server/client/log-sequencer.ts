// Puts log events from history pages and the live socket into one stream that yields every seq
// exactly once and in order. Only lines ahead of a hole are held, so a long follow stays small.
import type { LogEventMessage } from "../contracts/realtime";

export interface LogSequencer {
  /** Highest seq handed out; history pages resume after it. */
  readonly deliveredSeq: number;
  /** Lines held because an earlier seq has not arrived yet. */
  readonly heldCount: number;
  /** Takes events in any order, duplicates included; returns those now ready, in seq order. */
  accept(events: readonly LogEventMessage[]): LogEventMessage[];
  /** Gives up on missing seqs and returns everything held, in order (for the end of a task). */
  drain(): LogEventMessage[];
}

export function createLogSequencer(afterSeq = 0): LogSequencer {
  let deliveredSeq = afterSeq;
  const held = new Map<number, LogEventMessage>();

  const release = (): LogEventMessage[] => {
    const ready: LogEventMessage[] = [];
    for (let next = held.get(deliveredSeq + 1); next; next = held.get(deliveredSeq + 1)) {
      held.delete(next.seq);
      deliveredSeq = next.seq;
      ready.push(next);
    }
    return ready;
  };

  return {
    get deliveredSeq() {
      return deliveredSeq;
    },
    get heldCount() {
      return held.size;
    },
    accept(events) {
      for (const event of events) {
        if (event.seq > deliveredSeq && !held.has(event.seq)) held.set(event.seq, event);
      }
      return release();
    },
    drain() {
      const rest = [...held.values()].sort((a, b) => a.seq - b.seq);
      held.clear();
      if (rest.length > 0) deliveredSeq = rest.at(-1)!.seq;
      return rest;
    },
  };
}
