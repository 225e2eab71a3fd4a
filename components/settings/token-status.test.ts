// A token's status: revocation wins over expiry, and a token without expiry stays active.
import { describe, expect, it } from "vitest";
import { tokenStatus } from "./token-status";

const now = Date.parse("2026-06-01T12:00:00Z");

describe("tokenStatus", () => {
  it("is active until it expires", () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenStatus({ revokedAt: null, expiresAt: new Date(now + 1) }, now)).toBe("active");
    expect(tokenStatus({ revokedAt: null, expiresAt: new Date(now) }, now)).toBe("expired");
  });

  it("reports a revoked token as revoked even after it would have expired", () => {
    expect(tokenStatus({ revokedAt: new Date(now - 10), expiresAt: new Date(now - 5) }, now)).toBe("revoked");
  });
});
