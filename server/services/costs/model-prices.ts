// The price table admins edit, in dollars per million tokens at the edges and micro-dollars in
// the database. Agents pick up a change within a minute (see price-book.ts).
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/create-prisma";
import { recordAudit } from "../audit/record-audit";
import { ServiceError } from "../service-error";
import { usdToMicros } from "./compute-cost";

const ZUsdPerMTok = z.number().min(0, "must not be negative").max(10_000, "must be at most $10,000 per million tokens");

export const ZUpsertPriceSchema = z.object({
  model: z.string().trim().regex(/^[A-Za-z0-9][\w.:@/-]{0,99}$/, "is not a model name, e.g. claude-sonnet-5"),
  inputUsdPerMTok: ZUsdPerMTok,
  outputUsdPerMTok: ZUsdPerMTok,
  cacheWriteUsdPerMTok: ZUsdPerMTok,
  cacheReadUsdPerMTok: ZUsdPerMTok,
});
export const ZRemovePriceSchema = z.object({ model: z.string().min(1).max(100) });

export function listModelPrices(db: Db) {
  return db.modelPrice.findMany({ orderBy: { model: "asc" } });
}

export async function upsertModelPrice(db: Db, actor: Actor, input: z.output<typeof ZUpsertPriceSchema>, ip?: string) {
  const data = {
    inputMicrosPerMTok: usdToMicros(input.inputUsdPerMTok),
    outputMicrosPerMTok: usdToMicros(input.outputUsdPerMTok),
    cacheWriteMicrosPerMTok: usdToMicros(input.cacheWriteUsdPerMTok),
    cacheReadMicrosPerMTok: usdToMicros(input.cacheReadUsdPerMTok),
  };
  return db.$transaction(async (tx) => {
    const row = await tx.modelPrice.upsert({ where: { model: input.model }, create: { model: input.model, ...data }, update: data });
    const { model, ...usd } = input;
    await recordAudit(tx, { actor, action: "price.updated", target: { type: "model", id: model }, data: usd, ip });
    return row;
  });
}

export async function removeModelPrice(db: Db, actor: Actor, model: string, ip?: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.modelPrice.deleteMany({ where: { model } });
    if (count === 0) throw new ServiceError("NOT_FOUND", `No price for model "${model}".`);
    await recordAudit(tx, { actor, action: "price.removed", target: { type: "model", id: model }, ip });
  });
  return { removed: model };
}
