// Reasons a model call is not made now, without anything having failed: the task's budget would
// be passed (the task pauses as BUDGET_REACHED), or the account is rate limited until a reset
// (the job goes back to its queue). Neither uses up an attempt.
import Anthropic from "@anthropic-ai/sdk";
import { isSpendLimitMessage, rateLimitResetAt } from "./rate-limit-reset";

export class BudgetReachedError extends Error {
  override name = "BudgetReachedError";
}

export class FleetPausedError extends Error {
  override name = "FleetPausedError";
  constructor(readonly until: number, reason: string) {
    super(reason);
  }
}

export type CallDeferral = BudgetReachedError | FleetPausedError;

/**
 * The deferral an error amounts to, or null. A 429 the SDK gave up on because its reset was
 * too far away (see rate-limit-fetch.ts) becomes a fleet pause; a spend-limit 429 stays an error.
 */
export function deferralOf(error: unknown, now = Date.now()): CallDeferral | null {
  if (error instanceof BudgetReachedError || error instanceof FleetPausedError) return error;
  if (!(error instanceof Anthropic.RateLimitError) || isSpendLimitMessage(error.message)) return null;
  const until = rateLimitResetAt(error.headers, now);
  return until !== null && error.headers.get("x-should-retry") === "false" ? new FleetPausedError(until, error.message) : null;
}
