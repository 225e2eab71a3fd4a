import { describe, expect, it } from "vitest";
import { isSpendLimitMessage, rateLimitResetAt } from "./rate-limit-reset";

const NOW = Date.parse("2026-11-22T10:00:00Z");
const headers = (values: Record<string, string>) => new Headers(values);

describe("rateLimitResetAt", () => {
  it("reads retry-after-ms, retry-after in seconds and retry-after as a date", () => {
    expect(rateLimitResetAt(headers({ "retry-after-ms": "1500" }), NOW)).toBe(NOW + 1500);
    expect(rateLimitResetAt(headers({ "retry-after": "2" }), NOW)).toBe(NOW + 2000);
    expect(rateLimitResetAt(headers({ "retry-after": "Sun, 22 Nov 2026 10:01:00 GMT" }), NOW)).toBe(NOW + 60_000);
  });

  it("takes the reset of the limits that ran out, and the latest of all", () => {
    const answer = headers({
      "retry-after": "5",
      "anthropic-ratelimit-tokens-remaining": "0",
      "anthropic-ratelimit-tokens-reset": "2026-11-22T10:00:30Z",
      "anthropic-ratelimit-requests-remaining": "40",
      "anthropic-ratelimit-requests-reset": "2026-11-22T11:00:00Z",
    });
    expect(rateLimitResetAt(answer, NOW)).toBe(NOW + 30_000);
  });

  it("ignores missing, past and unreadable times, and caps absurd ones at a day", () => {
    expect(rateLimitResetAt(headers({}), NOW)).toBeNull();
    expect(rateLimitResetAt(headers({ "retry-after": "soon" }), NOW)).toBeNull();
    expect(rateLimitResetAt(headers({ "anthropic-ratelimit-tokens-reset": "2026-11-22T09:00:00Z" }), NOW)).toBeNull();
    expect(rateLimitResetAt(headers({ "anthropic-ratelimit-tokens-reset": "2027-11-22T09:00:00Z" }), NOW)).toBe(NOW + 24 * 3600_000);
  });
});

describe("isSpendLimitMessage", () => {
  it("tells a spend-limit or credit 429 from an ordinary rate limit", () => {
    expect(isSpendLimitMessage("Your credit balance is too low to access the Anthropic API.")).toBe(true);
    expect(isSpendLimitMessage("You have reached your organization's monthly spend limit.")).toBe(true);
    expect(isSpendLimitMessage("Number of request tokens has exceeded your per-minute rate limit")).toBe(false);
    expect(isSpendLimitMessage("Usage window exhausted; it resets at 10:30 UTC.")).toBe(false);
  });
});
