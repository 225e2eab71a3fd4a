import { describe, expect, it } from "vitest";
import { callCostMicros, microsToUsd, usdToMicros, worstCaseCallMicros } from "./compute-cost";
import { DEFAULT_MODEL_PRICES } from "./default-prices";

const sonnet = DEFAULT_MODEL_PRICES.find((p) => p.model === "claude-sonnet-5")!;
const opus = DEFAULT_MODEL_PRICES.find((p) => p.model === "claude-opus-5")!;
const haiku = DEFAULT_MODEL_PRICES.find((p) => p.model === "claude-haiku-5")!;
const usage = (inputTokens: number, outputTokens: number, cacheWriteTokens = 0, cacheReadTokens = 0) => ({ inputTokens, outputTokens, cacheWriteTokens, cacheReadTokens });

describe("callCostMicros", () => {
  it("prices a million tokens of each kind at the per-MTok rate", () => {
    expect(callCostMicros(usage(1_000_000, 0), sonnet)).toBe(3_000_000n);
    expect(callCostMicros(usage(0, 1_000_000), sonnet)).toBe(15_000_000n);
    expect(callCostMicros(usage(0, 0, 1_000_000), sonnet)).toBe(3_750_000n);
    expect(callCostMicros(usage(0, 0, 0, 1_000_000), sonnet)).toBe(300_000n);
  });

  it("adds the four kinds of tokens of a typical cached call", () => {
    // 1,200 × 3 + 350 × 15 + 2,000 × 3.75 + 8,000 × 0.3 = 3,600 + 5,250 + 7,500 + 2,400 micro-dollars
    expect(callCostMicros(usage(1_200, 350, 2_000, 8_000), sonnet)).toBe(18_750n);
    // The same call on opus costs five times as much, on haiku a third.
    expect(callCostMicros(usage(1_200, 350, 2_000, 8_000), opus)).toBe(93_750n);
    expect(callCostMicros(usage(1_200, 350, 2_000, 8_000), haiku)).toBe(6_250n);
  });

  it("rounds once per call, half up", () => {
    expect(callCostMicros(usage(1, 0), sonnet)).toBe(3n); // exactly 3
    expect(callCostMicros(usage(0, 0, 0, 1), sonnet)).toBe(0n); // 0.3 → 0
    expect(callCostMicros(usage(0, 0, 0, 5), sonnet)).toBe(2n); // 1.5 → 2
    expect(callCostMicros(usage(0, 0, 0, 3), haiku)).toBe(0n); // 0.3 → 0
    expect(callCostMicros(usage(0, 0, 1, 2), sonnet)).toBe(4n); // 3.75 + 0.6 = 4.35 → 4 (rounding each kind would give 4 + 1)
  });

  it("is zero for no tokens and stays exact for very large counts", () => {
    expect(callCostMicros(usage(0, 0), sonnet)).toBe(0n);
    expect(callCostMicros(usage(2_000_000_000, 2_000_000_000), opus)).toBe(180_000_000_000n);
  });
});

describe("worstCaseCallMicros", () => {
  it("bills input at the cache-write rate and the whole max_tokens as output, rounded up", () => {
    // 10,000 × 3.75 + 4,096 × 15 = 37,500 + 61,440
    expect(worstCaseCallMicros({ inputTokens: 10_000, maxTokens: 4_096 }, sonnet)).toBe(98_940n);
    expect(worstCaseCallMicros({ inputTokens: 1, maxTokens: 0 }, sonnet)).toBe(4n); // 3.75 → 4
  });

  it("is never below what the call can actually cost", () => {
    const actual = callCostMicros(usage(3_000, 4_096, 7_000, 0), sonnet);
    expect(worstCaseCallMicros({ inputTokens: 10_000, maxTokens: 4_096 }, sonnet)).toBeGreaterThanOrEqual(actual);
  });
});

describe("dollar conversion", () => {
  it("turns dollars into whole micro-dollars and back", () => {
    expect(usdToMicros(3)).toBe(3_000_000n);
    expect(usdToMicros(0.1)).toBe(100_000n);
    expect(usdToMicros(1.2345675)).toBe(1_234_568n);
    expect(microsToUsd(18_750n)).toBe(0.01875);
  });
});
