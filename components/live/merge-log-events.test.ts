// Merging of history pages and live socket events into one ordered, duplicate-free log.
import { describe, expect, it } from "vitest";
import type { LogEventMessage } from "@/server/contracts/realtime";
import { emptyLogBuffer, findLogLine, mergeLogEvents } from "./merge-log-events";

const event = (seq: number, message = `line ${seq}`): LogEventMessage => ({
  taskId: "task-1",
  seq,
  subtaskId: null,
  agentId: null,
  kind: "TEXT",
  level: "INFO",
  message,
  data: null,
  createdAt: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
});

const seqs = (events: readonly LogEventMessage[]) => events.map((e) => e.seq);

describe("mergeLogEvents", () => {
  it("keeps events in seq order whatever order they arrive in", () => {
    const buffer = mergeLogEvents(emptyLogBuffer, [event(3), event(1), event(2)]);
    expect(seqs(buffer.ordered)).toEqual([1, 2, 3]);
    const later = mergeLogEvents(buffer, [event(6), event(4), event(5)]);
    expect(seqs(later.ordered)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("drops duplicates by seq, within a batch and against what it already holds", () => {
    const live = mergeLogEvents(emptyLogBuffer, [event(4), event(5), event(5)]);
    expect(seqs(live.ordered)).toEqual([4, 5]);
    const withHistory = mergeLogEvents(live, [event(1), event(2), event(3), event(4, "history copy"), event(5)]);
    expect(seqs(withHistory.ordered)).toEqual([1, 2, 3, 4, 5]);
    expect(findLogLine(withHistory, 4)?.message).toBe("line 4");
  });

  it("returns the same buffer when nothing is new", () => {
    const buffer = mergeLogEvents(emptyLogBuffer, [event(1), event(2)]);
    expect(mergeLogEvents(buffer, [event(2), event(1)])).toBe(buffer);
    expect(mergeLogEvents(buffer, [])).toBe(buffer);
  });

  it("tracks the contiguous seq so a catch-up can fill gaps", () => {
    const gappy = mergeLogEvents(emptyLogBuffer, [event(1), event(2), event(5)]);
    expect(gappy.contiguousSeq).toBe(2);
    expect(gappy.maxSeq).toBe(5);
    const filled = mergeLogEvents(gappy, [event(3), event(4)]);
    expect(filled.contiguousSeq).toBe(5);
    expect(seqs(filled.ordered)).toEqual([1, 2, 3, 4, 5]);
  });

  it("does not mutate the buffer it was given", () => {
    const buffer = mergeLogEvents(emptyLogBuffer, [event(1)]);
    mergeLogEvents(buffer, [event(2)]);
    expect(seqs(buffer.ordered)).toEqual([1]);
  });

  it("prepends older history pages and keeps order when pages and live lines interleave", () => {
    const tail = mergeLogEvents(emptyLogBuffer, [event(7), event(8), event(9)], 7);
    const older = mergeLogEvents(tail, [event(4), event(5), event(6)]);
    expect(seqs(older.ordered)).toEqual([4, 5, 6, 7, 8, 9]);
    const mixed = mergeLogEvents(older, [event(10), event(2), event(3)]);
    expect(seqs(mixed.ordered)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("treats a page of the newest lines as contiguous from its first seq", () => {
    // A live line got here before the newest history page did.
    const live = mergeLogEvents(emptyLogBuffer, [event(12)]);
    expect(live.contiguousSeq).toBe(0);
    const tail = mergeLogEvents(live, [event(9), event(10), event(11)], 9);
    expect(tail.contiguousSeq).toBe(12);
    expect(tail.maxSeq).toBe(12);
    // Older history does not move it; a missing newer line still shows as a gap.
    const withGap = mergeLogEvents(mergeLogEvents(tail, [event(5), event(6), event(7), event(8)]), [event(14)]);
    expect(withGap.contiguousSeq).toBe(12);
    expect(withGap.maxSeq).toBe(14);
  });

  it("marks an empty newest page as a start without adding anything", () => {
    const tail = mergeLogEvents(emptyLogBuffer, [], 1);
    expect(tail).toBe(emptyLogBuffer);
    expect(findLogLine(mergeLogEvents(tail, [event(1)]), 1)?.seq).toBe(1);
  });
});
