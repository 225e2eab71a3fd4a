// Who may become a member: the first person to sign in (the owner), anyone with an open
// invitation (with the invited role), and anyone whose e-mail domain is allowed (as a member).
import type { Db, Role } from "../db/create-prisma";
import { recordAudit } from "../services/audit/record-audit";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type JoinDecision =
  | { allowed: true; role: Role; invitationId?: string; existingUserId?: string }
  | { allowed: false; reason: "not_invited" | "disabled" };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

export async function decideJoin(db: Db | Tx, rawEmail: string, allowedDomains: readonly string[], now = new Date()): Promise<JoinDecision> {
  const email = normaliseEmail(rawEmail);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true, disabledAt: true } });
  if (existing) {
    return existing.disabledAt ? { allowed: false, reason: "disabled" } : { allowed: true, role: existing.role, existingUserId: existing.id };
  }
  const ownerExists = (await db.user.count({ where: { role: "OWNER" } })) > 0;
  if (!ownerExists) return { allowed: true, role: "OWNER" };

  const invitation = await db.invitation.findUnique({ where: { email }, select: { id: true, role: true, expiresAt: true, acceptedAt: true } });
  if (invitation && !invitation.acceptedAt && invitation.expiresAt > now) {
    return { allowed: true, role: invitation.role, invitationId: invitation.id };
  }
  if (allowedDomains.includes(domainOf(email))) return { allowed: true, role: "MEMBER" };
  return { allowed: false, reason: "not_invited" };
}

/** Serialises joins so two first sign-ins cannot both become the owner. */
const JOIN_LOCK = 728_301;

/**
 * Creates the user the policy admits, with the decided role, and marks the invitation used.
 * Throws NotInvitedError when the policy says no (checked again inside the lock).
 */
export async function admitUser(
  db: Db,
  profile: { email: string; name?: string | null; image?: string | null; emailVerified?: Date | null },
  allowedDomains: readonly string[],
) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${JOIN_LOCK})`;
    const decision = await decideJoin(tx, profile.email, allowedDomains);
    if (!decision.allowed) throw new NotInvitedError(profile.email, decision.reason);
    if (decision.existingUserId) return tx.user.findUniqueOrThrow({ where: { id: decision.existingUserId } });
    const user = await tx.user.create({
      data: {
        email: normaliseEmail(profile.email),
        name: profile.name ?? null,
        image: profile.image ?? null,
        emailVerified: profile.emailVerified ?? null,
        role: decision.role,
      },
    });
    if (decision.invitationId) {
      await tx.invitation.update({ where: { id: decision.invitationId }, data: { acceptedAt: new Date() } });
    }
    const via = decision.invitationId ? "invitation" : decision.role === "OWNER" ? "first user" : "allowed domain";
    await recordAudit(tx, {
      actor: { userId: user.id, email: user.email },
      action: "member.joined",
      target: { type: "user", id: user.id },
      data: { role: decision.role, via },
    });
    return user;
  });
}

export class NotInvitedError extends Error {
  constructor(
    readonly email: string,
    readonly reason: "not_invited" | "disabled",
  ) {
    super(reason === "disabled" ? `${email} has been removed from this Baton.` : `${email} is not invited to this Baton.`);
    this.name = "NotInvitedError";
  }
}
