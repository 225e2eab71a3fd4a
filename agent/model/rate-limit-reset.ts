// Reads what a rate-limited answer says about waiting: when the account may call again (from
// retry-after-ms, retry-after and the anthropic-ratelimit-*-reset headers of the limits that are
// used up), and whether the 429 is a spend limit, which no amount of waiting fixes soon.
const LIMITS = ["requests", "tokens", "input-tokens", "output-tokens"];
/** A reset further away than this is taken as a bad header, not a reason to stop for longer. */
const MAX_PAUSE_MS = 24 * 3600_000;

interface HeaderSource {
  get(name: string): string | null;
}

/** Epoch ms when calling may resume, or null when the answer names no time. */
export function rateLimitResetAt(headers: HeaderSource, now: number): number | null {
  const candidates: number[] = [];
  const retryAfterMs = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(retryAfterMs)) candidates.push(now + retryAfterMs);
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number.parseFloat(retryAfter);
    candidates.push(Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(retryAfter));
  }
  for (const limit of LIMITS) {
    const reset = headers.get(`anthropic-ratelimit-${limit}-reset`);
    const remaining = headers.get(`anthropic-ratelimit-${limit}-remaining`);
    // Every answer carries every limit's reset; only the limits that ran out say when to come back.
    if (reset && (remaining === null || Number(remaining) <= 0)) candidates.push(Date.parse(reset));
  }
  const valid = candidates.filter((at) => Number.isFinite(at) && at > now);
  return valid.length ? Math.min(Math.max(...valid), now + MAX_PAUSE_MS) : null;
}

/** A 429 that says the organization's spend limit or credit balance is exhausted. */
export function isSpendLimitMessage(message: string): boolean {
  return /credit balance|spend(?:ing)? limit|billing/i.test(message);
}
