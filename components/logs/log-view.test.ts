// Filtering and grouping of the viewer's rows, built whole or from the previous view.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { LogLine } from "@/components/live/merge-log-events";
import { ALL_LOG_KINDS, SHOW_ALL, matchesFilter, toggleKind, type LogFilter } from "./log-filter";
import { logLine } from "./log-test-lines";
import { buildLogView, countLinesAfter, rowIndexAtOrAfter, rowIndexOfSeq } from "./log-view";

const shape = (rows: { events: LogLine[] }[]) => rows.map((row) => row.events.map((e) => e.seq));

describe("matchesFilter", () => {
  it("narrows by subtask, kind and minimum level", () => {
    const text = logLine(1);
    const warn = logLine(2, { kind: "TOOL_RESULT", level: "WARN", subtaskId: "s2" });
    const error = logLine(3, { kind: "ERROR", level: "INFO", subtaskId: null });
    const only = (filter: Partial<LogFilter>) => [text, warn, error].filter((line) => matchesFilter(line, { ...SHOW_ALL, ...filter })).map((l) => l.seq);
    expect(only({})).toEqual([1, 2, 3]);
    expect(only({ subtaskId: "s2" })).toEqual([2]);
    expect(only({ kinds: toggleKind(SHOW_ALL.kinds, "TEXT") })).toEqual([2, 3]);
    expect(only({ kinds: new Set(["ERROR"]) })).toEqual([3]);
    expect(only({ minLevel: "WARN" })).toEqual([2, 3]);
    // An error line is an error even when written at another level.
    expect(only({ minLevel: "ERROR" })).toEqual([3]);
  });

  it("toggles kinds without changing the set it was given", () => {
    const kinds = new Set(ALL_LOG_KINDS);
    const fewer = toggleKind(kinds, "STATUS");
    expect(fewer.has("STATUS")).toBe(false);
    expect(kinds.has("STATUS")).toBe(true);
    expect(toggleKind(fewer, "STATUS").has("STATUS")).toBe(true);
  });
});

describe("buildLogView", () => {
  const lines = [logLine(1), logLine(2), logLine(3, { kind: "TOOL_CALL" }), logLine(4), logLine(5, { subtaskId: "s2" })];

  it("groups the lines that pass the filter", () => {
    expect(shape(buildLogView(null, lines, SHOW_ALL).rows)).toEqual([[1, 2], [3], [4], [5]]);
    const noTools = { ...SHOW_ALL, kinds: toggleKind(SHOW_ALL.kinds, "TOOL_CALL") };
    // With the tool call hidden, the text around it reads as one paragraph.
    const view = buildLogView(null, lines, noTools);
    expect(shape(view.rows)).toEqual([[1, 2, 4], [5]]);
    expect(view.lineCount).toBe(4);
  });

  it("adds appended lines to the previous view, keeping rows that did not change", () => {
    const first = buildLogView(null, lines, SHOW_ALL);
    const more = [...lines, logLine(6, { subtaskId: "s2" }), logLine(7, { kind: "STATUS" })];
    const next = buildLogView(first, more, SHOW_ALL);
    expect(shape(next.rows)).toEqual([[1, 2], [3], [4], [5, 6], [7]]);
    expect(next.rows[0]).toBe(first.rows[0]);
    expect(next.rows[3]).not.toBe(first.rows[3]);
    expect(next.lineCount).toBe(7);
    expect(buildLogView(next, more, SHOW_ALL)).toBe(next);
  });

  it("keeps the rows when no appended line passes the filter", () => {
    const onlyS2 = { ...SHOW_ALL, subtaskId: "s2" };
    const first = buildLogView(null, lines, onlyS2);
    const next = buildLogView(first, [...lines, logLine(6)], onlyS2);
    expect(next.rows).toBe(first.rows);
    expect(next.lineCount).toBe(1);
  });

  it("matches a full build for any mix of appends, prepends and filters", () => {
    const arbitraryLine = fc.record({
      kind: fc.constantFrom(...ALL_LOG_KINDS),
      level: fc.constantFrom("DEBUG", "INFO", "WARN", "ERROR" as const),
      subtaskId: fc.constantFrom("s1", "s2", null),
    });
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 5 }), fc.constantFrom<LogFilter>(SHOW_ALL, { ...SHOW_ALL, minLevel: "WARN" }, { ...SHOW_ALL, subtaskId: "s1" }), (specs, cuts, filter) => {
        const all = specs.map((spec, i) => logLine(i + 1, spec));
        let view: ReturnType<typeof buildLogView> | null = null;
        // Grow the source the way the buffer does: new arrays, sometimes prepended, sometimes appended.
        for (const cut of [...cuts.sort((a, b) => a - b), all.length]) {
          view = buildLogView(view, all.slice(0, Math.min(cut, all.length)), filter);
        }
        const whole = buildLogView(null, all, filter);
        expect(shape(view!.rows)).toEqual(shape(whole.rows));
        expect(view!.lineCount).toBe(whole.lineCount);
        const tail = buildLogView(null, all.slice(Math.floor(all.length / 2)), filter);
        expect(shape(buildLogView(tail, all, filter).rows)).toEqual(shape(whole.rows));
      }),
    );
  });
});

describe("finding rows by seq", () => {
  const rows = buildLogView(null, [logLine(2), logLine(3), logLine(5, { kind: "STATUS" }), logLine(8, { kind: "ERROR" })], SHOW_ALL).rows;

  it("finds the row holding a seq, even inside a paragraph", () => {
    expect(rowIndexOfSeq(rows, 2)).toBe(0);
    expect(rowIndexOfSeq(rows, 3)).toBe(0);
    expect(rowIndexOfSeq(rows, 8)).toBe(2);
    expect(rowIndexOfSeq(rows, 4)).toBe(-1);
    expect(rowIndexOfSeq(rows, 1)).toBe(-1);
    expect(rowIndexOfSeq([], 1)).toBe(-1);
  });

  it("finds the nearest row at or after a seq", () => {
    expect(rowIndexAtOrAfter(rows, 1)).toBe(0);
    expect(rowIndexAtOrAfter(rows, 4)).toBe(1);
    expect(rowIndexAtOrAfter(rows, 6)).toBe(2);
    expect(rowIndexAtOrAfter(rows, 99)).toBe(2);
  });
});

describe("countLinesAfter", () => {
  it("counts the shown lines newer than a seq, inside a growing paragraph too", () => {
    const rows = buildLogView(null, [logLine(1, { kind: "STATUS" }), logLine(2), logLine(3), logLine(4), logLine(6, { kind: "ERROR" })], SHOW_ALL).rows;
    expect(countLinesAfter(rows, 6)).toBe(0);
    expect(countLinesAfter(rows, 3)).toBe(2);
    expect(countLinesAfter(rows, 0)).toBe(5);
    expect(countLinesAfter([], 0)).toBe(0);
  });
});
