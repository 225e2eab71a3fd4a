// The password-less sign-in for local demos (BATON_DEV_LOGIN=1, never in production). It obeys
// the same join policy as OAuth and writes the same session row Auth.js would, so everything
// after sign-in is the real path.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/create-prisma";
import { recordAudit } from "../services/audit/record-audit";
import { admitUser, NotInvitedError } from "./join-policy";

/** Auth.js's default database-session lifetime. */
const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export const ZDevLoginSchema = z.object({
  email: z.email("is not an e-mail address").max(254),
  callbackUrl: z.string().max(2000).optional(),
});

export type DevLoginOutcome = { ok: true; sessionToken: string; maxAgeSeconds: number } | { ok: false; reason: "not-invited" | "removed" };

export async function devLogin(db: Db, email: string, allowedDomains: readonly string[], ip?: string): Promise<DevLoginOutcome> {
  try {
    const user = await admitUser(db, { email, name: email.split("@")[0] }, allowedDomains);
    const sessionToken = randomBytes(32).toString("hex");
    await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000) } });
    await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(db, { actor: { userId: user.id, email: user.email }, action: "auth.signed_in", data: { provider: "development" }, ip });
    return { ok: true, sessionToken, maxAgeSeconds: SESSION_MAX_AGE_S };
  } catch (error) {
    if (error instanceof NotInvitedError) {
      await recordAudit(db, { action: "auth.refused", data: { email, provider: "development", reason: error.reason }, ip });
      return { ok: false, reason: error.reason === "disabled" ? "removed" : "not-invited" };
    }
    throw error;
  }
}
