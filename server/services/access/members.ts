// Members and invitations. Admins manage members and viewers; only an owner grants, changes or
// removes the admin and owner roles. Nobody changes their own role or removes themselves, and a
// change that would leave no active owner is refused: owners' changes take the owners' rows' locks
// first, so two owners demoting each other at once cannot both succeed (with no owner, the next
// person to sign in would become one).
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { normaliseEmail } from "../../auth/join-policy";
import { can } from "../../auth/permissions";
import { ROLES } from "../../auth/roles";
import type { Db, Role } from "../../db/create-prisma";
import { recordAudit } from "../audit/record-audit";
import { NEWEST_FIRST, pageArgs, toPage, ZPageRequestSchema, type PageRequest } from "../pagination";
import { ServiceError } from "../service-error";

const DAY_MS = 86_400_000;
const ZRole = z.enum(ROLES);
const PRIVILEGED: readonly Role[] = ["ADMIN", "OWNER"];

export const ZListMembersSchema = ZPageRequestSchema.extend({ includeRemoved: z.boolean().default(true) });
export const ZSetRoleSchema = z.object({ userId: z.string().min(1).max(64), role: ZRole });
export const ZSetDisabledSchema = z.object({ userId: z.string().min(1).max(64), disabled: z.boolean() });
export const ZCreateInvitationSchema = z.object({
  email: z.email("is not an e-mail address").max(254).transform(normaliseEmail),
  role: ZRole.default("MEMBER"),
  expiresInDays: z.number().int().min(1).max(90).default(14),
});
export const ZInvitationIdSchema = z.object({ id: z.string().min(1).max(64) });

export async function listMembers(db: Db, request: z.output<typeof ZListMembersSchema>) {
  const rows = await db.user.findMany({
    where: request.includeRemoved ? {} : { disabledAt: null },
    orderBy: NEWEST_FIRST,
    ...pageArgs(request),
    select: { id: true, email: true, name: true, image: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true },
  });
  return toPage(rows, request);
}

async function targetOf(db: Pick<Db, "user">, actor: Actor, userId: string, verb: string) {
  if (userId === actor.userId) throw new ServiceError("FORBIDDEN", `You cannot ${verb} yourself; ask another admin or owner.`);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabledAt: true } });
  if (!user) throw new ServiceError("NOT_FOUND", `No member with id "${userId}".`);
  return user;
}

/** Locks the active owners' rows, so changes that could remove one run one after another. */
async function lockOwners(tx: Pick<Db, "$executeRaw">) {
  await tx.$executeRaw`SELECT id FROM "User" WHERE role = 'OWNER' AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
}

async function keepAnOwner(tx: Pick<Db, "user">) {
  if ((await tx.user.count({ where: { role: "OWNER", disabledAt: null } })) === 0) {
    throw new ServiceError("CONFLICT", "The team needs at least one owner; make someone else an owner first.");
  }
}

export async function setMemberRole(db: Db, actor: Actor, input: z.output<typeof ZSetRoleSchema>, ip?: string) {
  return db.$transaction(async (tx) => {
    await lockOwners(tx);
    const user = await targetOf(tx, actor, input.userId, "change the role of");
    if ((PRIVILEGED.includes(user.role) || PRIVILEGED.includes(input.role)) && !can(actor.role, "manageAdmins")) {
      throw new ServiceError("FORBIDDEN", "Only an owner can grant, change or remove the admin and owner roles.");
    }
    if (user.role === input.role) return { changed: false as const };
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await keepAnOwner(tx);
    await recordAudit(tx, { actor, action: "member.role_changed", target: { type: "user", id: user.id }, data: { email: user.email, from: user.role, to: input.role }, ip });
    return { changed: true as const };
  });
}

export async function setMemberDisabled(db: Db, actor: Actor, input: z.output<typeof ZSetDisabledSchema>, ip?: string) {
  return db.$transaction(async (tx) => {
    await lockOwners(tx);
    const user = await targetOf(tx, actor, input.userId, input.disabled ? "remove" : "restore");
    if (PRIVILEGED.includes(user.role) && !can(actor.role, "manageAdmins")) {
      throw new ServiceError("FORBIDDEN", "Only an owner can remove or restore an admin or owner.");
    }
    if (Boolean(user.disabledAt) === input.disabled) return { changed: false as const };
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: input.disabled ? new Date() : null } });
    await keepAnOwner(tx);
    // Signed-in browsers lose access at once; tokens are refused while the user is removed. Their
    // share links end for good: a removed member who kept one's address must not keep reading
    // the team's results through it (restored, they can share again).
    let revokedShareLinks = 0;
    if (input.disabled) {
      await tx.session.deleteMany({ where: { userId: user.id } });
      ({ count: revokedShareLinks } = await tx.shareLink.updateMany({ where: { createdById: user.id, revokedAt: null }, data: { revokedAt: new Date() } }));
    }
    const data = input.disabled ? { email: user.email, revokedShareLinks } : { email: user.email };
    await recordAudit(tx, { actor, action: input.disabled ? "member.removed" : "member.restored", target: { type: "user", id: user.id }, data, ip });
    return { changed: true as const };
  });
}

export async function listInvitations(db: Db, request: PageRequest) {
  const rows = await db.invitation.findMany({
    orderBy: NEWEST_FIRST,
    ...pageArgs(request),
    select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, createdAt: true, invitedBy: { select: { email: true } } },
  });
  const page = toPage(rows, request);
  return { ...page, items: page.items.map(({ invitedBy, ...invitation }) => ({ ...invitation, invitedByEmail: invitedBy?.email ?? null })) };
}

/** Inviting an address again replaces its earlier invitation (new role, new expiry). */
export async function createInvitation(db: Db, actor: Actor, input: z.output<typeof ZCreateInvitationSchema>, ip?: string) {
  if (PRIVILEGED.includes(input.role) && !can(actor.role, "manageAdmins")) {
    throw new ServiceError("FORBIDDEN", "Only an owner can invite someone as an admin or owner.");
  }
  return db.$transaction(async (tx) => {
    const member = await tx.user.findUnique({ where: { email: input.email }, select: { disabledAt: true } });
    if (member?.disabledAt) throw new ServiceError("CONFLICT", `${input.email} was removed from the team; restore them in the members list instead.`);
    if (member) throw new ServiceError("CONFLICT", `${input.email} is already a member; change their role in the members list instead.`);
    // Inviting again replaces the invitation: an admin may not so downgrade or cancel an owner's invitation of an admin or owner.
    const pending = await tx.invitation.findUnique({ where: { email: input.email }, select: { role: true, acceptedAt: true } });
    if (pending && !pending.acceptedAt && PRIVILEGED.includes(pending.role) && !can(actor.role, "manageAdmins")) {
      throw new ServiceError("FORBIDDEN", `${input.email} has a pending invitation as ${pending.role.toLowerCase()}; only an owner can change it.`);
    }
    const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
    const invitation = await tx.invitation.upsert({
      where: { email: input.email },
      create: { email: input.email, role: input.role, expiresAt, invitedById: actor.userId },
      update: { role: input.role, expiresAt, invitedById: actor.userId, acceptedAt: null },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, { actor, action: "invitation.created", target: { type: "invitation", id: invitation.id }, data: { email: input.email, role: input.role }, ip });
    return invitation;
  });
}

export async function revokeInvitation(db: Db, actor: Actor, id: string, ip?: string) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id }, select: { id: true, email: true, role: true, acceptedAt: true } });
    if (!invitation) throw new ServiceError("NOT_FOUND", `No invitation with id "${id}".`);
    if (invitation.acceptedAt) throw new ServiceError("CONFLICT", `${invitation.email} has already joined; remove them on the members page instead.`);
    if (PRIVILEGED.includes(invitation.role) && !can(actor.role, "manageAdmins")) {
      throw new ServiceError("FORBIDDEN", "Only an owner can revoke an invitation to the admin or owner role.");
    }
    await tx.invitation.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "invitation.revoked", target: { type: "invitation", id }, data: { email: invitation.email }, ip });
    return { revoked: true as const };
  });
}
