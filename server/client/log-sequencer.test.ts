// Ordering and de-duplication of history pages and live lines for followers.
import { describe, expect, it } from "vitest";
import type { LogEventMessage } from "../contracts/realtime";
import { createLogSequencer } from "./log-sequencer";

const event = (seq: number): LogEventMessage => ({
  taskId: "task-1",
  seq,
  subtaskId: null,
  agentId: null,
  kind: "TEXT",
  level: "INFO",
  message: `line ${seq}`,
  data: null,
  createdAt: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
});
const seqs = (events: readonly LogEventMessage[]) => events.map((e) => e.seq);

describe("createLogSequencer", () => {
  it("holds live lines that arrive ahead of the history until the hole is filled", () => {
    const sequencer = createLogSequencer();
    expect(seqs(sequencer.accept([event(4), event(5)]))).toEqual([]);
    expect(sequencer.heldCount).toBe(2);
    expect(seqs(sequencer.accept([event(1), event(2), event(3)]))).toEqual([1, 2, 3, 4, 5]);
    expect(sequencer.deliveredSeq).toBe(5);
    expect(sequencer.heldCount).toBe(0);
  });

  it("hands out each seq once, however often it arrives", () => {
    const sequencer = createLogSequencer();
    expect(seqs(sequencer.accept([event(1), event(2), event(2)]))).toEqual([1, 2]);
    expect(seqs(sequencer.accept([event(1), event(2), event(3)]))).toEqual([3]);
    expect(seqs(sequencer.accept([event(3)]))).toEqual([]);
  });

  it("starts after the seq it is given", () => {
    const sequencer = createLogSequencer(10);
    expect(seqs(sequencer.accept([event(9), event(10), event(12)]))).toEqual([]);
    expect(seqs(sequencer.accept([event(11)]))).toEqual([11, 12]);
  });

  it("drains what it holds in order when the missing seqs will not come", () => {
    const sequencer = createLogSequencer();
    sequencer.accept([event(1), event(7), event(4)]);
    expect(seqs(sequencer.drain())).toEqual([4, 7]);
    expect(sequencer.deliveredSeq).toBe(7);
    expect(seqs(sequencer.accept([event(5), event(8)]))).toEqual([8]);
  });
});
