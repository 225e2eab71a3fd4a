import { describe, expect, it } from "vitest";
import { JOB_DEFINITIONS } from "../../../server/contracts/jobs";
import { BudgetReachedError, FleetPausedError } from "../../model/call-deferrals";
import { PermanentError } from "../permanent-error";
import { followOnRetryDelay } from "./run-subtask";

describe("followOnRetryDelay", () => {
  it("retries a follow-on that failed for now after the job's backoff", () => {
    expect(followOnRetryDelay(new Error("connection reset"))).toBe(JOB_DEFINITIONS.subtask.backoffMs);
  });

  it("queues one Claude's rate limit handed back at once: agents wait out the fleet's pause", () => {
    expect(followOnRetryDelay(new FleetPausedError(Date.now() + 60_000, "rate limited"))).toBe(0);
  });

  it("queues nothing for one that failed for good or waits at the task's budget", () => {
    expect(followOnRetryDelay(new PermanentError("The model stopped without calling finish."))).toBeNull();
    expect(followOnRetryDelay(new BudgetReachedError("budget"))).toBeNull();
  });
});
