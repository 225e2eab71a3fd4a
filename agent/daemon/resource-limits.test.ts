import { describe, expect, it } from "vitest";
import { limitBreach, TIME_LIMIT_GRACE_MS } from "./resource-limits";

const MB = 1024 * 1024;
const base = { rssBytes: 100 * MB, memoryLimitMb: 512, subtaskSince: null, timeoutSeconds: 300, now: 1_000_000 };

describe("limitBreach", () => {
  it("passes an agent within its limits", () => {
    expect(limitBreach(base)).toBeNull();
    expect(limitBreach({ ...base, subtaskSince: base.now - 300_000 })).toBeNull();
  });

  it("names the memory used and the limit", () => {
    expect(limitBreach({ ...base, rssBytes: 812 * MB })).toBe("killed: used 812 MB, limit 512 MB");
  });

  it("names the time run and the limit once the grace after the agent's own timeout has passed", () => {
    expect(limitBreach({ ...base, subtaskSince: base.now - 300_000 - TIME_LIMIT_GRACE_MS - 1000 })).toBe("killed: ran 306 s, limit 300 s");
    expect(limitBreach({ ...base, subtaskSince: base.now - 300_000 - TIME_LIMIT_GRACE_MS + 1000 })).toBeNull();
  });
});
