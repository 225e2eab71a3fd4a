// CSV quoting and exact dollar amounts for the analytics downloads.
import { describe, expect, it } from "vitest";
import { microsToUsd, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes fields with commas, quotes and line breaks, and leaves empty values empty", () => {
    expect(toCsv(["reason", "count"], [['Command "ls" failed, code 2', 3], ["two\nlines", null]])).toBe(
      'reason,count\r\n"Command ""ls"" failed, code 2",3\r\n"two\nlines",\r\n',
    );
  });
});

describe("microsToUsd", () => {
  it("writes exact dollars with six decimals", () => {
    expect(microsToUsd(0n)).toBe("0.000000");
    expect(microsToUsd(1_234_567n)).toBe("1.234567");
    expect(microsToUsd(42n)).toBe("0.000042");
    expect(microsToUsd(-5_000_000n)).toBe("-5.000000");
  });
});
