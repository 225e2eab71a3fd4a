// Search in the log: which rows match, stepping through them, highlighting inside a line.
import { describe, expect, it } from "vitest";
import { groupLogRows } from "./group-log-rows";
import { findMatchingRows, firstMatchFrom, searchPattern, splitMatches, stepMatch } from "./log-search";
import { logLine } from "./log-test-lines";

describe("log search", () => {
  const rows = groupLogRows([
    logLine(1, { message: "Reading the " }),
    logLine(2, { message: "README file" }),
    logLine(3, { kind: "TOOL_CALL", message: "read_file(README.md)" }),
    logLine(4, { kind: "STATUS", message: "done (100%)" }),
  ]);

  it("matches plain text case-insensitively, special characters included", () => {
    expect(findMatchingRows(rows, searchPattern("readme"))).toEqual([0, 1]);
    expect(findMatchingRows(rows, searchPattern("(100%)"))).toEqual([2]);
    expect(findMatchingRows(rows, searchPattern(".*"))).toEqual([]);
    expect(findMatchingRows(rows, searchPattern("   "))).toEqual([]);
  });

  it("steps forward and back through matches, wrapping around", () => {
    expect(stepMatch(3, null, 1)).toBe(0);
    expect(stepMatch(3, null, -1)).toBe(2);
    expect(stepMatch(3, 2, 1)).toBe(0);
    expect(stepMatch(3, 0, -1)).toBe(2);
    expect(stepMatch(0, null, 1)).toBeNull();
  });

  it("starts at the first match at or after where the reader is", () => {
    expect(firstMatchFrom([2, 5, 9], 4)).toBe(1);
    expect(firstMatchFrom([2, 5, 9], 10)).toBe(0);
    expect(firstMatchFrom([], 0)).toBeNull();
  });

  it("splits text around every match for highlighting", () => {
    expect(splitMatches("read README", searchPattern("read"))).toEqual([
      { text: "read", match: true },
      { text: " ", match: false },
      { text: "READ", match: true },
      { text: "ME", match: false },
    ]);
    expect(splitMatches("nothing here", searchPattern("zzz"))).toEqual([{ text: "nothing here", match: false }]);
    expect(splitMatches("plain", null)).toEqual([{ text: "plain", match: false }]);
  });
});
