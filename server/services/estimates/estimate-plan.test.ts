import { describe, expect, it } from "vitest";
import type { PriceRates } from "../costs/compute-cost";
import { DEFAULT_SUBTASK_SECONDS, DEFAULT_USAGE, estimatePlan, type EstimateSubtaskInput, type UsageHistory } from "./estimate-plan";

// $3 in / $15 out per million tokens.
const sonnet: PriceRates = { inputMicrosPerMTok: 3_000_000n, outputMicrosPerMTok: 15_000_000n, cacheWriteMicrosPerMTok: 3_750_000n, cacheReadMicrosPerMTok: 300_000n };
const prices = new Map([["claude-sonnet-5", sonnet]]);
const fleet = new Map([["generalist", 2]]);

const history = (samples: number, inputTokens: number, outputTokens: number, seconds: number): UsageHistory => ({
  samples,
  inputTokens,
  outputTokens,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
  seconds,
});
const subtask = (over: Partial<EstimateSubtaskInput> = {}): EstimateSubtaskInput => ({
  dependsOn: [],
  priority: 5,
  profile: "generalist",
  model: "claude-sonnet-5",
  similar: null,
  profileHistory: null,
  ...over,
});

describe("estimatePlan", () => {
  it("prices similar subtasks' average usage at the model's price", () => {
    const estimate = estimatePlan([subtask({ similar: history(3, 10_000, 1_000, 42.4), profileHistory: history(50, 99_000, 9_000, 500) })], prices, fleet);
    expect(estimate.subtasks[0]).toMatchObject({ basis: "similar", samples: 3, tokens: 11_000, seconds: 43 });
    // 10,000 × $3/M + 1,000 × $15/M = $0.03 + $0.015
    expect(estimate.subtasks[0]!.costMicros).toBe(45_000n);
    expect(estimate.costMicros).toBe(45_000n);
  });

  it("falls back to the profile's history when too few similar subtasks exist", () => {
    const estimate = estimatePlan([subtask({ similar: history(1, 1, 1, 1), profileHistory: history(4, 20_000, 2_000, 60) })], prices, fleet);
    expect(estimate.subtasks[0]).toMatchObject({ basis: "profile", samples: 4, tokens: 22_000, seconds: 60, costMicros: 90_000n });
  });

  it("uses defaults and the planner's guess of the time without any history", () => {
    const [guessed, plain] = estimatePlan([subtask({ plannerSeconds: 25 }), subtask()], prices, fleet).subtasks;
    expect(guessed).toMatchObject({ basis: "default", samples: 0, seconds: 25, tokens: DEFAULT_USAGE.inputTokens + DEFAULT_USAGE.outputTokens });
    expect(plain!.seconds).toBe(DEFAULT_SUBTASK_SECONDS);
  });

  it("sums tokens and cost and takes the time from the schedule", () => {
    const h = history(5, 1_000, 100, 30);
    const plan = [subtask({ profileHistory: h }), subtask({ profileHistory: h, dependsOn: [0] }), subtask({ profileHistory: h, dependsOn: [0] }), subtask({ profileHistory: h, dependsOn: [1, 2] })];
    const estimate = estimatePlan(plan, prices, fleet);
    expect(estimate.tokens).toBe(4 * 1_100);
    expect(estimate.costMicros).toBe(4n * 4_500n);
    expect(estimate.seconds).toBe(90);
    expect(estimate.subtasks.map((s) => s.startSeconds)).toEqual([0, 30, 30, 60]);
  });

  it("costs an unpriced model nothing and names it", () => {
    const estimate = estimatePlan([subtask({ model: "claude-mystery" }), subtask()], prices, fleet);
    expect(estimate.subtasks[0]!.costMicros).toBe(0n);
    expect(estimate.subtasks[1]!.costMicros).toBeGreaterThan(0n);
    expect(estimate.unpricedModels).toEqual(["claude-mystery"]);
  });
});
