import { describe, expect, it } from "vitest";
import { formatUsd } from "./format-usd";

describe("formatUsd", () => {
  it("shows cents for dollar amounts and up to four decimals below a dollar", () => {
    expect(formatUsd(0n)).toBe("$0.00");
    expect(formatUsd(18_750n)).toBe("$0.0188");
    expect(formatUsd(500_000n)).toBe("$0.50");
    expect(formatUsd(12_345_678n)).toBe("$12.35");
    expect(formatUsd(1_234_000_000n)).toBe("$1,234.00");
  });
});
