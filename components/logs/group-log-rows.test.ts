// Grouping of streamed text chunks into readable rows in the activity log.
import { describe, expect, it } from "vitest";
import type { LogEventMessage } from "@/server/contracts/realtime";
import { extendLogRows, groupLogRows } from "./group-log-rows";

const event = (seq: number, kind: LogEventMessage["kind"], subtaskId: string | null = "s1"): LogEventMessage => ({
  taskId: "t",
  seq,
  subtaskId,
  agentId: subtaskId ? "a1" : null,
  kind,
  level: "INFO",
  message: `m${seq}`,
  data: null,
  createdAt: "2026-01-01T00:00:00.000Z",
});

const shape = (events: LogEventMessage[]) => groupLogRows(events).map((row) => row.events.map((e) => e.seq));

describe("groupLogRows", () => {
  it("joins consecutive text from one subtask", () => {
    expect(shape([event(1, "TEXT"), event(2, "TEXT"), event(3, "TEXT")])).toEqual([[1, 2, 3]]);
  });

  it("keeps tool calls, results, status lines and errors on rows of their own", () => {
    const events = [event(1, "TEXT"), event(2, "TOOL_CALL"), event(3, "TOOL_RESULT"), event(4, "TEXT"), event(5, "STATUS"), event(6, "STATUS")];
    expect(shape(events)).toEqual([[1], [2], [3], [4], [5], [6]]);
  });

  it("starts a new row when the text comes from another subtask", () => {
    expect(shape([event(1, "TEXT", "s1"), event(2, "TEXT", "s2"), event(3, "TEXT", "s1")])).toEqual([[1], [2], [3]]);
  });

  it("keys each row by its first seq", () => {
    expect(groupLogRows([event(4, "TEXT"), event(5, "TEXT"), event(6, "ERROR")]).map((row) => row.key)).toEqual([4, 6]);
  });
});

describe("extendLogRows", () => {
  it("replaces a row that new chunks join instead of changing it", () => {
    const rows = groupLogRows([event(1, "TEXT"), event(2, "TEXT")]);
    const before = rows[0]!;
    const next = extendLogRows(rows, [event(3, "TEXT"), event(4, "STATUS")]);
    expect(next.map((row) => row.events.map((e) => e.seq))).toEqual([[1, 2, 3], [4]]);
    expect(before.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(next[0]).not.toBe(before);
    expect(rows).toHaveLength(1);
  });

  it("keeps rows that nothing joined", () => {
    const rows = groupLogRows([event(1, "STATUS"), event(2, "TEXT")]);
    const next = extendLogRows(rows, [event(3, "TOOL_CALL")]);
    expect(next[0]).toBe(rows[0]);
    expect(next[1]).toBe(rows[1]);
  });
});
