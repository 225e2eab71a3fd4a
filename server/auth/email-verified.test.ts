import { describe, expect, it } from "vitest";
import { emailVerification } from "./email-verified";

const strict = { trustOidcEmails: false };

describe("emailVerification", () => {
  it("takes only a true email_verified claim, boolean or string", () => {
    expect(emailVerification("google", { email_verified: true }, strict)).toBe("verified");
    expect(emailVerification("oidc", { email_verified: "true" }, strict)).toBe("verified");
    expect(emailVerification("google", { email_verified: false }, strict)).toBe("unverified");
    expect(emailVerification("oidc", { email_verified: "false" }, strict)).toBe("unverified");
    expect(emailVerification("oidc", { email_verified: 1 }, strict)).toBe("unverified");
  });

  it("counts a missing claim as unverified, unless the operator trusts the OIDC issuer's addresses", () => {
    expect(emailVerification("google", {}, strict)).toBe("unverified");
    expect(emailVerification("oidc", {}, strict)).toBe("unverified");
    expect(emailVerification("oidc", {}, { trustOidcEmails: true })).toBe("verified");
    // Trust covers a missing claim, never a provider's own "no".
    expect(emailVerification("oidc", { email_verified: false }, { trustOidcEmails: true })).toBe("unverified");
    expect(emailVerification("google", {}, { trustOidcEmails: true })).toBe("unverified");
  });

  it("holds GitHub to the claim Baton's lookup sets, and lets through a sign-in without a profile", () => {
    expect(emailVerification("github", { email_verified: true }, strict)).toBe("verified");
    expect(emailVerification("github", { email_verified: false }, { trustOidcEmails: true })).toBe("unverified");
    expect(emailVerification("github", {}, { trustOidcEmails: true })).toBe("unverified");
    expect(emailVerification("credentials", undefined, strict)).toBe("verified");
  });
});
