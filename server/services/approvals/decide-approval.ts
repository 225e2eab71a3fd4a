// A person approves or denies what an agent asked to do; an agent expires an approval nobody
// answered in time. Only a pending, unexpired approval changes, so a late click or a race with
// the expiry cannot overturn what the agent already acted on. Every outcome is audited.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { can } from "../../auth/permissions";
import type { Db } from "../../db/create-prisma";
import type { RealtimePublisher } from "../../realtime/publisher";
import { recordAudit } from "../audit/record-audit";
import { ServiceError } from "../service-error";

export const ZDecideApprovalRequestSchema = z.object({ id: z.string().min(1).max(64), approve: z.boolean() });

export async function decideApproval(deps: { db: Db; publisher: RealtimePublisher }, args: { id: string; approve: boolean; actor: Actor; ip?: string | null }) {
  const { actor } = args;
  const now = new Date();
  const decided = await deps.db.$transaction(async (tx) => {
    const approval = await tx.approval.findUnique({ where: { id: args.id }, include: { task: { select: { createdById: true } } } });
    if (!approval) throw new ServiceError("NOT_FOUND", `No approval with id "${args.id}".`);
    if (approval.task.createdById !== actor.userId && !can(actor.role, "decideAnyApproval")) {
      throw new ServiceError("FORBIDDEN", "Only the person who created the task, or an admin, can decide its approvals.");
    }
    const status = args.approve ? "APPROVED" : "DENIED";
    const { count } = await tx.approval.updateMany({
      where: { id: approval.id, status: "PENDING", expiresAt: { gt: now } },
      data: { status, decidedById: actor.userId, decidedAt: now },
    });
    if (count === 0) {
      const state = approval.status === "PENDING" ? "expired" : approval.status.toLowerCase();
      throw new ServiceError("CONFLICT", `This request was already ${state}; nothing changed.`);
    }
    await recordAudit(tx, {
      actor,
      action: args.approve ? "approval.approved" : "approval.denied",
      target: { type: "task", id: approval.taskId },
      data: { approvalId: approval.id, kind: approval.kind, ...(approval.detail as Record<string, string | number>) },
      ip: args.ip ?? null,
    });
    return { id: approval.id, taskId: approval.taskId, status };
  });
  deps.publisher.taskUpdate({ taskId: decided.taskId });
  return decided;
}

/** Marks an unanswered approval EXPIRED (nobody decided in time: the agent treats it as denied). */
export async function expireApproval(db: Db, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.approval.updateMany({ where: { id, status: "PENDING" }, data: { status: "EXPIRED", decidedAt: new Date() } });
    if (count === 0) return false;
    const approval = await tx.approval.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, { action: "approval.expired", target: { type: "task", id: approval.taskId }, data: { approvalId: id, kind: approval.kind, ...(approval.detail as Record<string, string | number>) } });
    return true;
  });
}
