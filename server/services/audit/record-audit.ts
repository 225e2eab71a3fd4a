// Appends to the audit trail. Callers pass their transaction when the event belongs to a change,
// so the event and the change commit together.
import type { Db, Prisma } from "../../db/create-prisma";

type Client = Pick<Db, "auditEvent">;

export const AUDIT_ACTIONS = [
  "auth.signed_in",
  "auth.refused",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.restored",
  "invitation.created",
  "invitation.revoked",
  "api_token.created",
  "api_token.revoked",
  "share_link.created",
  "share_link.revoked",
  "agents.scaled",
  "approval.approved",
  "approval.denied",
  "approval.expired",
  "profile.created",
  "profile.updated",
  "price.updated",
  "price.removed",
  "settings.updated",
  "task.budget_raised",
  "task.plan_edited",
  "task.plan_approved",
  "task.plan_discarded",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actor?: { userId: string; email: string } | null;
  action: AuditAction;
  target?: { type: string; id: string };
  data?: Prisma.InputJsonObject;
  ip?: string | null;
}

export async function recordAudit(db: Client, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actor?.userId ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      data: entry.data,
      ip: entry.ip ?? null,
    },
  });
}
