import { describe, expect, it } from "vitest";
import { retryEligibility } from "./retry-eligibility";

const graph = (...statuses: string[]) => statuses.map((status, i) => ({ id: `s${i}`, status }));

describe("retryEligibility", () => {
  it("resets every subtask without a result and keeps those that succeeded", () => {
    expect(retryEligibility("FAILED", graph("SUCCEEDED", "FAILED", "SKIPPED", "SUCCEEDED", "SKIPPED"))).toEqual({ retryable: true, reset: ["s1", "s2", "s4"], kept: 2 });
  });
  it("leaves a subtask still finishing an earlier run alone", () => {
    expect(retryEligibility("FAILED", graph("FAILED", "RUNNING"))).toEqual({ retryable: true, reset: ["s0"], kept: 0 });
  });
  it("retries a task whose result could not be written by writing it again", () => {
    expect(retryEligibility("FAILED", graph("SUCCEEDED", "SUCCEEDED"))).toEqual({ retryable: true, reset: [], kept: 2 });
  });
  it("takes a cancelled task only when something in it failed", () => {
    expect(retryEligibility("CANCELLED", graph("SUCCEEDED", "FAILED", "CANCELLED"))).toMatchObject({ retryable: true, reset: ["s1", "s2"] });
    expect(retryEligibility("CANCELLED", graph("SUCCEEDED", "CANCELLED"))).toMatchObject({ retryable: false, reason: expect.stringMatching(/re-run it instead/) });
  });
  it("refuses tasks that did not fail, and failures before a plan, with a reason", () => {
    for (const status of ["PLANNING", "RUNNING", "FINALIZING", "SUCCEEDED"]) {
      expect(retryEligibility(status, graph("FAILED"))).toMatchObject({ retryable: false, reason: expect.stringContaining(`this one is ${status.toLowerCase()}`) });
    }
    expect(retryEligibility("BUDGET_REACHED", graph("PENDING"))).toMatchObject({ reason: expect.stringContaining("paused at its budget") });
    expect(retryEligibility("FAILED", [])).toMatchObject({ retryable: false, reason: expect.stringMatching(/before it had a plan/) });
  });
});
