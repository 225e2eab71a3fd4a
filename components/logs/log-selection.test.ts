// Picking lines and ranges of lines, copying them as text, and links to a line.
import { describe, expect, it } from "vitest";
import { groupLogRows } from "./group-log-rows";
import { formatRowText, isRowSelected, selectedRows, selectLine, seqFromHash } from "./log-selection";
import { logLine } from "./log-test-lines";

describe("line selection", () => {
  const rows = groupLogRows([logLine(1, { kind: "STATUS" }), logLine(2), logLine(3), logLine(4, { kind: "TOOL_CALL" }), logLine(5, { kind: "ERROR" })]);

  it("picks one line, then stretches to a shift-clicked one in either direction", () => {
    const one = selectLine(null, 4, false);
    expect(one).toEqual({ anchor: 4, focus: 4 });
    expect(selectLine(one, 1, true)).toEqual({ anchor: 4, focus: 1 });
    expect(selectLine(one, 5, false)).toEqual({ anchor: 5, focus: 5 });
    // A shift-click with nothing picked yet picks that line.
    expect(selectLine(null, 2, true)).toEqual({ anchor: 2, focus: 2 });
  });

  it("covers every row the range touches", () => {
    const range = selectLine(selectLine(null, 5, false), 3, true);
    expect(selectedRows(rows, range).map((row) => row.key)).toEqual([2, 4, 5]);
    expect(isRowSelected(rows[0]!, range)).toBe(false);
    expect(selectedRows(rows, null)).toEqual([]);
  });

  it("copies a row as one tab-separated line with its text chunks joined", () => {
    const row = groupLogRows([logLine(7, { message: "Hello, " }), logLine(8, { message: "world" })])[0]!;
    expect(formatRowText(row, "#1 Survey")).toBe("#7\t2026-01-01T00:00:00.000Z\t#1 Survey\ttext\tHello, world");
  });

  it("reads a line link from the page's hash", () => {
    expect(seqFromHash("#log-42")).toBe(42);
    expect(seqFromHash("#log-0")).toBeNull();
    expect(seqFromHash("#log-x")).toBeNull();
    expect(seqFromHash("#top")).toBeNull();
    expect(seqFromHash("")).toBeNull();
  });
});
