// The profiles table's wording of limits.
import { describe, expect, it } from "vitest";
import { formatTimeLimit, summarizeLimits } from "./profile-limits";

describe("summarizeLimits", () => {
  it("words time limits in the largest whole unit", () => {
    expect(formatTimeLimit(45)).toBe("45 s");
    expect(formatTimeLimit(90)).toBe("90 s");
    expect(formatTimeLimit(300)).toBe("5 min");
    expect(formatTimeLimit(5400)).toBe("90 min");
    expect(formatTimeLimit(7200)).toBe("2 h");
    expect(summarizeLimits({ maxTurns: 1, timeoutSeconds: 600, memoryLimitMb: 512 })).toBe("1 turn · 10 min · 512 MB");
  });
});
