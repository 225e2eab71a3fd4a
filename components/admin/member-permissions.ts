// What the signed-in admin may do to a member or grant in an invitation. Mirrors the server's
// rules (server/services/access/members.ts) so the page offers only what will succeed; the
// server still decides, and its refusals are shown where they happen.
import { can } from "@/server/auth/permissions";
import { ROLES } from "@/server/auth/roles";
import type { Role } from "@/server/db/generated/enums";

export interface PageActor {
  userId: string;
  role: Role;
}

/** Strongest first, the order people read a role menu in. */
export const ROLES_STRONGEST_FIRST: readonly Role[] = [...ROLES].reverse();

const isPrivileged = (role: Role) => role === "ADMIN" || role === "OWNER";

/** Whether the actor may give someone this role, or invite or revoke an invitation with it. */
export const canGrant = (actor: PageActor, role: Role) => !isPrivileged(role) || can(actor.role, "manageAdmins");

/** Why the actor may not change or remove this member, or null when they may. */
export function memberLockReason(actor: PageActor, member: { id: string; role: Role }): string | null {
  if (member.id === actor.userId) return "You cannot change your own role or remove yourself; ask another admin or owner.";
  if (isPrivileged(member.role) && !can(actor.role, "manageAdmins")) return "Only an owner can change or remove an admin or owner.";
  return null;
}
