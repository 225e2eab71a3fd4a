import { describe, expect, it } from "vitest";
import { sparklinePoints } from "./sparkline";

describe("sparklinePoints", () => {
  it("spreads the values over the width, highest at the top", () => {
    expect(sparklinePoints([0, 50, 100], 100)).toBe("0.0,19.0 36.0,10.0 72.0,1.0");
  });

  it("keeps small values low against a minimum scale", () => {
    expect(sparklinePoints([1, 2], 100)).toBe("0.0,18.8 72.0,18.6");
  });

  it("scales to the largest value without a minimum, and survives all zeros", () => {
    expect(sparklinePoints([5, 10])).toBe("0.0,10.0 72.0,1.0");
    expect(sparklinePoints([0, 0])).toBe("0.0,19.0 72.0,19.0");
  });
});
