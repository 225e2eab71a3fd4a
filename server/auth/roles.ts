// The four team roles, weakest first, and the comparisons every access check is made of.
import type { ApiTokenScope, Role } from "../db/generated/enums";

export const ROLES = ["VIEWER", "MEMBER", "ADMIN", "OWNER"] as const satisfies readonly Role[];

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function hasRole(role: Role, atLeast: Role): boolean {
  return roleRank(role) >= roleRank(atLeast);
}

/** A `read` token acts as a viewer whatever its owner's role; `write` acts with the owner's role. */
export function capRoleByScope(role: Role, scope: ApiTokenScope): Role {
  return scope === "READ" && hasRole(role, "VIEWER") ? "VIEWER" : role;
}

export const ROLE_LABELS: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member", VIEWER: "Viewer" };
