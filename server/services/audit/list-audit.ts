// The audit trail for the admin page, newest first, optionally narrowed to one kind of action.
import { z } from "zod";
import type { Db } from "../../db/create-prisma";
import { NEWEST_FIRST, pageArgs, toPage, ZPageRequestSchema } from "../pagination";
import { AUDIT_ACTIONS } from "./record-audit";

export const ZListAuditSchema = ZPageRequestSchema.extend({ action: z.enum(AUDIT_ACTIONS).optional() });

export async function listAuditEvents(db: Db, request: z.output<typeof ZListAuditSchema>) {
  const rows = await db.auditEvent.findMany({
    where: request.action ? { action: request.action } : {},
    orderBy: NEWEST_FIRST,
    ...pageArgs(request),
    select: { id: true, actorEmail: true, action: true, targetType: true, targetId: true, data: true, ip: true, createdAt: true },
  });
  return toPage(rows, request);
}
