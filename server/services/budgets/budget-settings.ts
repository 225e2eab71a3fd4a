// Installation-wide budget settings (the Settings row): the budget a task gets when its creator
// sets none, the ceiling members may not go above, and the estimated cost above which a plan
// waits for review before it runs. Admins change them; each may be unset.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/create-prisma";
import { recordAudit } from "../audit/record-audit";
import { usdToMicros } from "../costs/compute-cost";
import { formatUsd } from "../../client/format-usd";
import { ServiceError } from "../service-error";

/** A budget in dollars as people type it: more than nothing, at most a million. */
export const ZBudgetUsd = z.number().positive("must be more than $0").max(1_000_000, "must be at most $1,000,000");

export const ZUpdateBudgetSettingsSchema = z
  .object({
    defaultTaskBudgetUsd: ZBudgetUsd.nullable(),
    maxTaskBudgetUsd: ZBudgetUsd.nullable(),
    /** Left out: unchanged; null: no plan has to wait for review. */
    reviewAboveUsd: ZBudgetUsd.nullable().optional(),
  })
  .refine((s) => s.defaultTaskBudgetUsd === null || s.maxTaskBudgetUsd === null || s.defaultTaskBudgetUsd <= s.maxTaskBudgetUsd, {
    path: ["defaultTaskBudgetUsd"],
    message: "must not be above the ceiling",
  });

export interface BudgetSettings {
  defaultTaskBudgetMicros: bigint | null;
  maxTaskBudgetMicros: bigint | null;
  reviewAboveMicros: bigint | null;
}

export async function getBudgetSettings(db: Pick<Db, "settings">): Promise<BudgetSettings> {
  const row = await db.settings.findUnique({ where: { id: 1 } });
  return {
    defaultTaskBudgetMicros: row?.defaultTaskBudgetMicros ?? null,
    maxTaskBudgetMicros: row?.maxTaskBudgetMicros ?? null,
    reviewAboveMicros: row?.reviewAboveMicros ?? null,
  };
}

export async function updateBudgetSettings(db: Db, actor: Actor, input: z.output<typeof ZUpdateBudgetSettingsSchema>, ip?: string): Promise<BudgetSettings> {
  const data = {
    defaultTaskBudgetMicros: input.defaultTaskBudgetUsd === null ? null : usdToMicros(input.defaultTaskBudgetUsd),
    maxTaskBudgetMicros: input.maxTaskBudgetUsd === null ? null : usdToMicros(input.maxTaskBudgetUsd),
    ...(input.reviewAboveUsd === undefined ? {} : { reviewAboveMicros: input.reviewAboveUsd === null ? null : usdToMicros(input.reviewAboveUsd) }),
  };
  return db.$transaction(async (tx) => {
    const row = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(tx, {
      actor,
      action: "settings.updated",
      target: { type: "settings", id: "1" },
      data: { defaultTaskBudgetUsd: input.defaultTaskBudgetUsd, maxTaskBudgetUsd: input.maxTaskBudgetUsd, reviewAboveUsd: input.reviewAboveUsd },
      ip,
    });
    return { defaultTaskBudgetMicros: row.defaultTaskBudgetMicros, maxTaskBudgetMicros: row.maxTaskBudgetMicros, reviewAboveMicros: row.reviewAboveMicros };
  });
}

/** Refuses a budget above the ceiling unless the person may exceed it (admins). */
export function assertWithinCeiling(settings: BudgetSettings, budgetMicros: bigint, mayExceed: boolean): void {
  const ceiling = settings.maxTaskBudgetMicros;
  if (mayExceed || ceiling === null || budgetMicros <= ceiling) return;
  throw new ServiceError(
    "FORBIDDEN",
    `${formatUsd(budgetMicros)} is above the ${formatUsd(ceiling)} ceiling an admin set for task budgets; choose at most ${formatUsd(ceiling)} or ask an admin.`,
    "budgetUsd",
  );
}
