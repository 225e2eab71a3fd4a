// Holds one task's log buffer outside React so socket handlers and catch-up fetches can read
// the latest seq without stale closures; React reads it through useSyncExternalStore.
import type { LogEventMessage } from "@/server/contracts/realtime";
import { emptyLogBuffer, mergeLogEvents, type LogBuffer, type LogLine } from "./merge-log-events";

/** Live lines can arrive dozens a second; merging them in short batches keeps renders cheap. */
const FLUSH_MS = 50;

export interface LogStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): LogBuffer;
  /** Merges now: for history pages, whose callers read the result right after. `contiguousFrom`
   * marks a page of the newest lines (see mergeLogEvents). */
  add(events: readonly LogLine[], contiguousFrom?: number): void;
  /** Merges on the next flush: for live events. */
  queue(event: LogEventMessage): void;
}

export function createLogStore(): LogStore {
  let buffer = emptyLogBuffer;
  let pending: LogEventMessage[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();

  const merge = (events: readonly LogLine[], contiguousFrom?: number) => {
    const next = mergeLogEvents(buffer, events, contiguousFrom);
    if (next === buffer) return;
    buffer = next;
    for (const listener of listeners) listener();
  };
  const flush = () => {
    timer = null;
    const events = pending;
    pending = [];
    merge(events);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => buffer,
    add(events, contiguousFrom) {
      if (pending.length > 0) flush();
      merge(events, contiguousFrom);
    },
    queue(event) {
      pending.push(event);
      timer ??= setTimeout(flush, FLUSH_MS);
    },
  };
}
