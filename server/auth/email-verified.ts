// Whether a sign-in's e-mail address is one the provider vouches for. Baton admits people by their
// address (invitations, allowed domains), so an address someone could type in at a lax provider
// without owning it would let them in as whoever was invited under it. Google and OpenID Connect
// issuers say so in the standard `email_verified` claim, and only `true` counts (some issuers send
// it as a string). Issuers that leave the claim out (Entra ID) are trusted with
// AUTH_OIDC_EMAILS_VERIFIED=1, for a directory whose addresses the operator manages. GitHub has no
// such claim: Baton's GitHub lookup (providers.ts) sets it from the account's address list.

export type EmailVerification = "verified" | "unverified";

export function emailVerification(provider: string, profile: { email_verified?: unknown } | undefined, options: { trustOidcEmails: boolean }): EmailVerification {
  // A sign-in without a provider's profile has nothing to check.
  if (!profile) return "verified";
  const claim = profile.email_verified;
  if (claim === true || claim === "true") return "verified";
  if (claim === undefined && provider === "oidc" && options.trustOidcEmails) return "verified";
  return "unverified";
}
