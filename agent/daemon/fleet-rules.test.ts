import { describe, expect, it } from "vitest";
import { allocateAgents } from "./allocate-agents";
import { restartDelayMs } from "./restart-delay";

describe("allocateAgents", () => {
  it("gives each profile its desired count until the host cap", () => {
    const counts = allocateAgents([{ minAgents: 2 }, { minAgents: 2 }, { minAgents: 1 }], 3).map((a) => a.count);
    expect(counts).toEqual([2, 1, 0]);
  });
});

describe("restartDelayMs", () => {
  it("doubles from half a second and caps at 30 s", () => {
    expect([1, 2, 3, 4].map(restartDelayMs)).toEqual([500, 1000, 2000, 4000]);
    expect(restartDelayMs(20)).toBe(30_000);
  });
});
