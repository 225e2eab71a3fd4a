// Turns a request's credentials (the Auth.js session cookie or an API token) into an Actor.
// tRPC and Socket.IO both come through here, so a browser and a tool are checked the same way.
import type { Db } from "../db/create-prisma";
import type { Actor } from "./actor";
import { capRoleByScope } from "./roles";
import { hashSecret, looksLikeApiToken } from "./secret-tokens";

/** Auth.js names its cookie with the `__Secure-` prefix when the site is served over https. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Writing `lastUsedAt` on every request would turn reads into writes; minute precision is plenty. */
const LAST_USED_PRECISION_MS = 60_000;

export interface Credentials {
  sessionToken?: string;
  bearerToken?: string;
}

export type AuthOutcome =
  | { kind: "anonymous" }
  | { kind: "authenticated"; actor: Actor }
  /** A credential was offered and is wrong, expired or revoked (counted by the rate limiter). */
  | { kind: "rejected"; reason: string };

export function credentialsFromHeaders(headers: { get(name: string): string | null }): Credentials {
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  return { bearerToken: bearer || undefined, sessionToken: sessionTokenFromCookie(headers.get("cookie")) };
}

export function sessionTokenFromCookie(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const cookies = new Map(
    cookieHeader.split(";").map((part) => {
      const index = part.indexOf("=");
      return [part.slice(0, index).trim(), safeDecode(part.slice(index + 1).trim())] as const;
    }),
  );
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies.get(name);
    if (value) return value;
  }
  return undefined;
}

/** A malformed %-escape in someone's cookie is their problem, not a server error. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A bearer token wins over a cookie: a tool that sends one means it. */
export async function authenticate(db: Db, credentials: Credentials, now = new Date()): Promise<AuthOutcome> {
  if (credentials.bearerToken !== undefined) return authenticateToken(db, credentials.bearerToken, now);
  if (credentials.sessionToken !== undefined) return authenticateSession(db, credentials.sessionToken, now);
  return { kind: "anonymous" };
}

async function authenticateSession(db: Db, sessionToken: string, now: Date): Promise<AuthOutcome> {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, email: true, role: true, disabledAt: true } } },
  });
  // An expired or unknown cookie is not an attack; treat the request as signed out.
  if (!session || session.expires <= now || session.user.disabledAt) return { kind: "anonymous" };
  const { user } = session;
  return { kind: "authenticated", actor: { userId: user.id, email: user.email, role: user.role, via: "session" } };
}

async function authenticateToken(db: Db, token: string, now: Date): Promise<AuthOutcome> {
  if (!looksLikeApiToken(token)) return { kind: "rejected", reason: "The API token is malformed." };
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, role: true, disabledAt: true } },
    },
  });
  if (!row) return { kind: "rejected", reason: "The API token is not valid." };
  if (row.revokedAt) return { kind: "rejected", reason: "The API token has been revoked." };
  if (row.expiresAt && row.expiresAt <= now) return { kind: "rejected", reason: "The API token has expired." };
  if (row.user.disabledAt) return { kind: "rejected", reason: "The API token's owner has been removed from the team." };

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const { user } = row;
  return {
    kind: "authenticated",
    actor: { userId: user.id, email: user.email, role: capRoleByScope(user.role, row.scope), via: "token" },
  };
}
