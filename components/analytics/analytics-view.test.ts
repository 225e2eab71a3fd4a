// Reading the analytics page's range from its URL and writing it back.
import { describe, expect, it } from "vitest";
import { analyticsSearch, hourlyAllowed, readAnalyticsView } from "./analytics-view";

const NOW = Date.parse("2026-03-10T14:25:00Z");
const read = (query: string) => readAnalyticsView(new URLSearchParams(query), NOW);

describe("readAnalyticsView", () => {
  it("ends presets at the next bucket boundary and starts them one span earlier", () => {
    const day = read("range=24h");
    expect(day).toMatchObject({ bucket: "hour", problem: null });
    expect([day.from.toISOString(), day.to.toISOString()]).toEqual(["2026-03-09T15:00:00.000Z", "2026-03-10T15:00:00.000Z"]);

    const week = read("range=7d");
    expect(week.bucket).toBe("day");
    expect([week.from.toISOString(), week.to.toISOString()]).toEqual(["2026-03-04T00:00:00.000Z", "2026-03-11T00:00:00.000Z"]);
    expect(read("range=7d&bucket=hour").to.toISOString()).toBe("2026-03-10T15:00:00.000Z");
  });

  it("falls back to the last 7 days by day for a missing or unknown range", () => {
    expect(read("")).toMatchObject({ preset: "7d", bucket: "day" });
    expect(read("range=year&bucket=minute")).toMatchObject({ preset: "7d", bucket: "day" });
  });

  it("reads custom ranges as whole UTC days, last day included", () => {
    const custom = read("range=custom&from=2026-02-01&to=2026-02-03");
    expect([custom.from.toISOString(), custom.to.toISOString(), custom.problem]).toEqual(["2026-02-01T00:00:00.000Z", "2026-02-04T00:00:00.000Z", null]);
    expect(read("range=custom&from=2026-02-05&to=2026-02-03").problem).toBe("The last day must not be before the first day.");
    expect(read("range=custom&from=soon&to=2026-02-03").problem).toBe("Choose the first and last day of the range.");
  });

  it("writes back only what differs from the defaults", () => {
    expect(analyticsSearch(read("range=24h"))).toBe("?range=24h");
    expect(analyticsSearch(read("range=7d&bucket=hour"))).toBe("?range=7d&bucket=hour");
    expect(analyticsSearch(read("range=custom&from=2026-02-01&to=2026-02-03"))).toBe("?range=custom&from=2026-02-01&to=2026-02-03");
  });

  it("allows hourly buckets up to 14 days", () => {
    expect(hourlyAllowed(read("range=7d"))).toBe(true);
    expect(hourlyAllowed(read("range=30d"))).toBe(false);
    expect(read("range=30d&bucket=hour").problem).toBe("Hourly buckets cover at most 14 days. Group by day, or choose a shorter range.");
    expect(read("range=custom&from=2026-02-01&to=2026-02-14&bucket=hour").problem).toBeNull();
  });
});
