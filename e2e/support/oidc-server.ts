// A real OpenID Connect provider for the browser tests (the `oidc-provider` package, the
// certified implementation many identity servers are built on). Its built-in development login
// accepts any login name, which becomes the account's e-mail, so a test can sign in as anyone
// through the full authorization-code flow; the name's prefix can withhold the address's
// verification (below). Started and stopped by Playwright.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3101);
const issuer = `http://localhost:${port}`;
const redirectUri = process.env.OIDC_REDIRECT_URI;
const clientId = process.env.AUTH_OIDC_ID;
const clientSecret = process.env.AUTH_OIDC_SECRET;
if (!redirectUri || !clientId || !clientSecret) throw new Error("OIDC_REDIRECT_URI, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set");

const provider = new Provider(issuer, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
  async findAccount(_ctx, accountId) {
    return {
      accountId,
      async claims() {
        // A login name starting "unverified." gets email_verified false; "unvouched." gets no such claim.
        const verified = accountId.startsWith("unverified.") ? { email_verified: false } : accountId.startsWith("unvouched.") ? {} : { email_verified: true };
        return { sub: accountId, email: accountId, ...verified, name: accountId.split("@")[0] };
      },
    };
  },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put the scoped claims in the ID token, as Okta, Keycloak and Entra ID do; Auth.js reads them there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["baton-e2e-oidc-cookie-key"] },
});

// The provider answers token errors with a generic message; the detail is only in its events.
const report = (event: string) => (_ctx: unknown, error: Error & { error_detail?: string }) =>
  console.error(`oidc provider ${event}: ${error.message} ${error.error_detail ?? ""}`);
provider.on("grant.error", report("grant.error"));
provider.on("authorization.error", report("authorization.error"));
provider.on("server_error", report("server_error"));

const server = provider.listen(port, () => console.log(`oidc provider at ${issuer}`));
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
