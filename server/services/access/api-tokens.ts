// Personal API tokens: shown once at creation, stored as a hash, listed by prefix, revocable.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { newApiToken } from "../../auth/secret-tokens";
import type { Db } from "../../db/create-prisma";
import { recordAudit } from "../audit/record-audit";
import { ServiceError } from "../service-error";

const DAY_MS = 86_400_000;

export const ZCreateApiTokenSchema = z.object({
  name: z.string().trim().min(1, "is empty — name the token after the tool that uses it").max(80, "is longer than 80 characters"),
  scope: z.enum(["READ", "WRITE"]),
  /** null: never expires. */
  expiresInDays: z.number().int().min(1).max(365).nullable().default(90),
});

export const ZTokenIdSchema = z.object({ id: z.string().min(1).max(64) });

const PUBLIC_FIELDS = { id: true, name: true, scope: true, prefix: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true } as const;

export async function createApiToken(db: Db, actor: Actor, input: z.output<typeof ZCreateApiTokenSchema>, ip?: string) {
  const { token, prefix, tokenHash } = newApiToken();
  const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * DAY_MS);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: actor.userId, name: input.name, scope: input.scope, prefix, tokenHash, expiresAt },
      select: PUBLIC_FIELDS,
    });
    await recordAudit(tx, {
      actor,
      action: "api_token.created",
      target: { type: "api_token", id: created.id },
      data: { name: input.name, scope: input.scope, expiresAt: expiresAt?.toISOString() ?? null },
      ip,
    });
    return created;
  });
  return { ...row, token };
}

export async function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({ where: { userId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], take: 200, select: PUBLIC_FIELDS });
}

export async function revokeApiToken(db: Db, actor: Actor, id: string, ip?: string) {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, userId: actor.userId }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new ServiceError("NOT_FOUND", `You have no API token with id "${id}".`);
    if (token.revokedAt) return { revoked: false as const };
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, action: "api_token.revoked", target: { type: "api_token", id }, data: { name: token.name }, ip });
    return { revoked: true as const };
  });
}
