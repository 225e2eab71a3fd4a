// Share links: a read-only view of one task's result for people without an account. The token
// is shown once; only its hash is stored. Revoked, expired and unknown tokens look the same.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { can } from "../../auth/permissions";
import { hashSecret, looksLikeShareToken, newShareToken } from "../../auth/secret-tokens";
import type { Db } from "../../db/create-prisma";
import { recordAudit } from "../audit/record-audit";
import { ServiceError } from "../service-error";

const DAY_MS = 86_400_000;
/** The most log lines a shared page shows; the dashboard has the rest. */
export const SHARED_LOG_LIMIT = 2_000;

export const ZCreateShareLinkSchema = z.object({
  taskId: z.string().min(1).max(64),
  /** null: never expires. */
  expiresInDays: z.number().int().min(1).max(365).nullable().default(7),
  includeLogs: z.boolean().default(false),
});

export const ZShareLinksForTaskSchema = z.object({ taskId: z.string().min(1).max(64) });
export const ZShareLinkIdSchema = z.object({ id: z.string().min(1).max(64) });

export const sharePath = (token: string) => `/share/${token}`;

const activeWhere = (now: Date) => ({ revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

export async function createShareLink(db: Db, actor: Actor, input: z.output<typeof ZCreateShareLinkSchema>, ip?: string) {
  const { token, tokenHash } = newShareToken();
  const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * DAY_MS);
  return db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: input.taskId }, select: { id: true } });
    if (!task) throw new ServiceError("NOT_FOUND", `No task with id "${input.taskId}".`);
    // In order with a removal of the creator, which revokes their links under the row's update lock:
    // a link made meanwhile would escape it.
    const [creator] = await tx.$queryRaw<{ active: boolean }[]>`SELECT "disabledAt" IS NULL AS active FROM "User" WHERE id = ${actor.userId} FOR SHARE`;
    if (!creator?.active) throw new ServiceError("FORBIDDEN", "You were removed from the team, so you cannot share tasks.");
    const link = await tx.shareLink.create({
      data: { taskId: task.id, createdById: actor.userId, tokenHash, includeLogs: input.includeLogs, expiresAt },
      select: { id: true, includeLogs: true, expiresAt: true, createdAt: true },
    });
    await recordAudit(tx, {
      actor,
      action: "share_link.created",
      target: { type: "task", id: task.id },
      data: { shareLinkId: link.id, includeLogs: input.includeLogs, expiresAt: expiresAt?.toISOString() ?? null },
      ip,
    });
    return { ...link, path: sharePath(token) };
  });
}

export async function listShareLinks(db: Db, taskId: string, now = new Date()) {
  if (!(await db.task.count({ where: { id: taskId } }))) throw new ServiceError("NOT_FOUND", `No task with id "${taskId}".`);
  const links = await db.shareLink.findMany({
    where: { taskId, ...activeWhere(now) },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, includeLogs: true, expiresAt: true, createdAt: true, createdById: true, createdBy: { select: { email: true } } },
  });
  return links.map(({ createdBy, ...link }) => ({ ...link, createdByEmail: createdBy?.email ?? null }));
}

export async function revokeShareLink(db: Db, actor: Actor, id: string, ip?: string) {
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id }, select: { id: true, taskId: true, createdById: true, revokedAt: true } });
    if (!link) throw new ServiceError("NOT_FOUND", `No share link with id "${id}".`);
    if (link.createdById !== actor.userId && !can(actor.role, "revokeAnyShareLink")) {
      throw new ServiceError("FORBIDDEN", "Only admins can revoke a share link someone else created.");
    }
    if (link.revokedAt) return { revoked: false as const };
    await tx.shareLink.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, action: "share_link.revoked", target: { type: "task", id: link.taskId }, data: { shareLinkId: id }, ip });
    return { revoked: true as const };
  });
}

/**
 * What a share link shows, or null for any token that does not open a page (unknown, revoked,
 * expired, malformed) so that the page cannot tell them apart. Selects only what the page
 * prints: no ids of other records, no agent or profile details, no creator.
 */
export async function readSharedTask(db: Db, token: string, now = new Date()) {
  if (!looksLikeShareToken(token)) return null;
  const link = await db.shareLink.findFirst({
    where: { tokenHash: hashSecret(token), ...activeWhere(now) },
    select: {
      includeLogs: true,
      expiresAt: true,
      task: {
        select: {
          id: true,
          title: true,
          prompt: true,
          status: true,
          statusReason: true,
          resultMarkdown: true,
          inputTokens: true,
          outputTokens: true,
          createdAt: true,
          startedAt: true,
          finishedAt: true,
          subtasks: {
            orderBy: { index: "asc" },
            select: { index: true, title: true, status: true, startedAt: true, finishedAt: true, inputTokens: true, outputTokens: true },
          },
        },
      },
    },
  });
  if (!link) return null;
  const { id: taskId, statusReason, ...task } = link.task;
  const logs = link.includeLogs
    ? await db.logEvent.findMany({
        where: { taskId },
        orderBy: { seq: "asc" },
        take: SHARED_LOG_LIMIT,
        select: { seq: true, kind: true, level: true, message: true, createdAt: true, subtask: { select: { index: true } } },
      })
    : null;
  return {
    task: { ...task, statusReason: statusReason && withoutMembers(statusReason) },
    expiresAt: link.expiresAt,
    // Baton's own lines name who acted; the model's lines are the work, and are shown as written.
    logs: logs?.map((line) => (line.kind === "STATUS" || line.kind === "ERROR" ? { ...line, message: withoutMembers(line.message) } : line)) ?? null,
  };
}

/** "Cancelled by ana@example.com" → "Cancelled by a team member": a share link's reader learns what happened, not who on the team did it. */
export function withoutMembers(text: string): string {
  return text.replace(/\bby [^\s@,;()]+@[^\s@,;()]+\.[^\s@,;().]+/g, "by a team member");
}
export type SharedTask = NonNullable<Awaited<ReturnType<typeof readSharedTask>>>;
