// An invitation is pending until it is used or runs out; a used one stays accepted.
import { describe, expect, it } from "vitest";
import { invitationStatus } from "./invitation-status";

const now = Date.parse("2026-06-01T12:00:00Z");

describe("invitationStatus", () => {
  it("is pending before its expiry and expired after", () => {
    expect(invitationStatus({ acceptedAt: null, expiresAt: new Date(now + 60_000) }, now)).toBe("pending");
    expect(invitationStatus({ acceptedAt: null, expiresAt: new Date(now) }, now)).toBe("expired");
  });

  it("stays accepted after the expiry passes", () => {
    expect(invitationStatus({ acceptedAt: new Date(now - 120_000), expiresAt: new Date(now - 60_000) }, now)).toBe("accepted");
  });
});
