import { describe, expect, it } from "vitest";
import { restartDelayMs } from "./restart-delay";

describe("restartDelayMs", () => {
  it("doubles from half a second and caps at 30 s", () => {
    expect([1, 2, 3, 4].map(restartDelayMs)).toEqual([500, 1000, 2000, 4000]);
    expect(restartDelayMs(20)).toBe(30_000);
  });
});
