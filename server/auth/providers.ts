// The OAuth providers this installation offers, each switched on by its environment variables.
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import type { ServerEnv } from "../env";

export interface ProviderSummary {
  id: string;
  name: string;
}

const GITHUB_API = "https://api.github.com";

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * The GitHub account's profile with an address GitHub has verified and whether it has: the public
 * address when it is a verified one, or else the primary one. Auth.js's own lookup takes the
 * primary address, or the first, verified or not; GitHub lets an account add any address, so one
 * not verified must not admit anyone as its owner (see email-verified.ts).
 */
export async function githubProfile(apiBase: string, accessToken: string): Promise<Record<string, unknown>> {
  const get = (path: string) => fetch(`${apiBase}${path}`, { headers: { Authorization: `Bearer ${accessToken}`, "User-Agent": "baton", Accept: "application/vnd.github+json" } });
  const profileResponse = await get("/user");
  if (!profileResponse.ok) throw new Error(`GitHub answered ${profileResponse.status} for the account's profile`);
  const profile = (await profileResponse.json()) as Record<string, unknown>;
  const emailsResponse = await get("/user/emails");
  const emails = emailsResponse.ok ? ((await emailsResponse.json()) as GitHubEmail[]) : [];
  const chosen = chooseGitHubEmail(typeof profile.email === "string" ? profile.email : null, emails);
  return { ...profile, email: chosen?.email ?? null, email_verified: chosen?.verified ?? false };
}

/** The public address if it is verified, else the verified primary one; failing both, the primary (or first) one, marked unverified. */
export function chooseGitHubEmail(publicEmail: string | null, emails: readonly GitHubEmail[]): { email: string; verified: boolean } | null {
  const verified = emails.filter((entry) => entry.verified);
  const pick = verified.find((entry) => publicEmail !== null && entry.email.toLowerCase() === publicEmail.toLowerCase()) ?? verified.find((entry) => entry.primary);
  if (pick) return { email: pick.email, verified: true };
  const fallback = emails.find((entry) => entry.primary) ?? emails[0];
  return fallback ? { email: fallback.email, verified: false } : null;
}

export function oauthProviders(env: ServerEnv): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(
      GitHub({
        clientId: env.AUTH_GITHUB_ID,
        clientSecret: env.AUTH_GITHUB_SECRET,
        userinfo: { url: `${GITHUB_API}/user`, request: ({ tokens }: { tokens: { access_token?: string } }) => githubProfile(GITHUB_API, tokens.access_token ?? "") },
      }),
    );
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    // Any OpenID Connect issuer (Okta, Keycloak, Entra ID, …): endpoints come from its discovery document.
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      authorization: { params: { scope: "openid email profile" } },
    });
  }
  return providers;
}

export function providerSummaries(env: ServerEnv): ProviderSummary[] {
  return oauthProviders(env).map((provider) => {
    const config = typeof provider === "function" ? provider() : provider;
    return { id: config.id, name: config.name };
  });
}
