// The fetch the Anthropic SDK uses. It sees every HTTP attempt, including the SDK's own retries,
// and on a 429: pauses the whole fleet until the reset the answer names, and tells the SDK not to
// retry in place when the wait is longer than an agent should sit on its job, or when the
// spend limit is exhausted (the x-should-retry header is the SDK's documented switch).
import type { FleetPause, FleetPauseState } from "../../server/services/fleet/fleet-pause";
import { isSpendLimitMessage, rateLimitResetAt } from "./rate-limit-reset";

export interface RateLimitFetchOptions {
  fleetPause: FleetPause;
  /** A reset further away than this is not waited for inside the call: the job goes back to the queue. */
  inlineWaitMs: number;
  onPause?(state: FleetPauseState): void;
  fetch?: typeof fetch;
}

export function rateLimitFetch(options: RateLimitFetchOptions): typeof fetch {
  const base = options.fetch ?? fetch;
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status !== 429) return response;
    const body = await response.text();
    const message = errorMessageOf(body);
    const headers = new Headers(response.headers);
    if (isSpendLimitMessage(message)) {
      headers.set("x-should-retry", "false");
    } else {
      const now = Date.now();
      const resetAt = rateLimitResetAt(response.headers, now);
      if (resetAt !== null) {
        const reason = message || "Claude answered 429 (rate limited).";
        if (await options.fleetPause.pauseUntil(resetAt, reason).catch(() => false)) options.onPause?.({ until: resetAt, reason });
        if (resetAt - now > options.inlineWaitMs) headers.set("x-should-retry", "false");
      }
    }
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}

function errorMessageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === "string" ? parsed.error.message : "";
  } catch {
    return "";
  }
}
