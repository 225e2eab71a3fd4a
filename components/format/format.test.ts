// Formatting of durations, ages and sizes shown across the pages.
import { describe, expect, it } from "vitest";
import { elapsedMs, formatDuration } from "./duration";
import { formatMegabytes, formatPercent, plural } from "./numbers";
import { formatAge } from "./time";

describe("formatDuration", () => {
  it("picks the two most useful units", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(42_400)).toBe("42s");
    expect(formatDuration(185_000)).toBe("3m 05s");
    expect(formatDuration(4_320_000)).toBe("1h 12m");
    expect(formatDuration(-5)).toBe("—");
  });

  it("measures running work up to now", () => {
    const start = new Date(1_000);
    expect(elapsedMs(start, null, 6_000)).toBe(5_000);
    expect(elapsedMs(start, new Date(3_000), 6_000)).toBe(2_000);
    expect(elapsedMs(null, null, 6_000)).toBeNull();
  });
});

describe("formatAge", () => {
  it("rounds to the largest whole unit", () => {
    expect(formatAge(400)).toBe("just now");
    expect(formatAge(12_000)).toBe("12s ago");
    expect(formatAge(5 * 60_000 + 10_000)).toBe("5m ago");
    expect(formatAge(3 * 3_600_000)).toBe("3h ago");
    expect(formatAge(72 * 3_600_000)).toBe("3d ago");
  });
});

describe("sizes and percentages", () => {
  it("formats for table cells", () => {
    expect(formatMegabytes(null)).toBe("—");
    expect(formatMegabytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatMegabytes(200 * 1024 * 1024)).toBe("200 MB");
    expect(formatPercent(3.456)).toBe("3.5%");
    expect(formatPercent(57.2)).toBe("57%");
  });

  it("puts a noun in the plural unless the count is one", () => {
    expect(plural(1, "task")).toBe("1 task");
    expect(plural(0, "task")).toBe("0 tasks");
    expect(plural(1200, "model call")).toBe("1,200 model calls");
  });
});
