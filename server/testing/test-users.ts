// People for API tests: a user of a given role, a signed-in session for them, an API token.
import { randomBytes } from "node:crypto";
import type { ApiTokenScope, Db, Role } from "../db/create-prisma";
import { SESSION_COOKIE_NAMES } from "../auth/authenticate";
import { newApiToken } from "../auth/secret-tokens";

export interface TestUser {
  id: string;
  email: string;
  role: Role;
}

export async function createUser(db: Db, role: Role, email = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@example.test`): Promise<TestUser> {
  return db.user.create({ data: { email, role, name: `${role.toLowerCase()} user` }, select: { id: true, email: true, role: true } });
}

/** A session row exactly as Auth.js writes one; returns the Cookie header that carries it. */
export async function sessionCookieFor(db: Db, user: TestUser): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return `${SESSION_COOKIE_NAMES[1]}=${sessionToken}`;
}

export async function apiTokenFor(db: Db, user: TestUser, scope: ApiTokenScope, extra: { expiresAt?: Date; revokedAt?: Date } = {}): Promise<string> {
  const { token, prefix, tokenHash } = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name: `test ${scope}`, scope, prefix, tokenHash, ...extra } });
  return token;
}
