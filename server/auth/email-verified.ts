// Whether a sign-in's e-mail address is one the provider vouches for. Baton admits people by their
// address (invitations, allowed domains), so an address someone could type in at a lax provider
// without owning it would let them in as whoever was invited under it. Google and OpenID Connect
// issuers say so in the standard `email_verified` claim, and only `true` counts (some issuers send
// it as a string). Issuers that leave the claim out (Entra ID) are trusted with
// AUTH_OIDC_EMAILS_VERIFIED=1, where they only hand out addresses of domains they manage. GitHub
// has no such claim: Auth.js takes the profile's public address, which GitHub only allows to be a
// verified one, or else the account's primary address.

export type EmailVerification = "verified" | "unverified";

export function emailVerification(provider: string, profile: { email_verified?: unknown } | undefined, options: { trustOidcEmails: boolean }): EmailVerification {
  // A sign-in without a provider's profile, and GitHub's, carry no claim.
  if (!profile || provider === "github") return "verified";
  const claim = profile.email_verified;
  if (claim === true || claim === "true") return "verified";
  if (claim === undefined && provider === "oidc" && options.trustOidcEmails) return "verified";
  return "unverified";
}
