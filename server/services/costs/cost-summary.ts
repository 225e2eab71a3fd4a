// Spend over a period per agent profile and per person, summed in SQL over the ModelCall rows.
import { z } from "zod";
import type { Db } from "../../db/create-prisma";

export const ZCostSummaryRequestSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((range) => range.from < range.to, { path: ["to"], message: "must be after from" });

export interface CostRow {
  key: string | null;
  label: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: bigint;
}

interface Aggregate {
  key: string | null;
  label: string | null;
  calls: bigint;
  inputTokens: bigint | null;
  outputTokens: bigint | null;
  costMicros: bigint | null;
}

const toRow = (fallback: string) => (row: Aggregate): CostRow => ({
  key: row.key,
  label: row.label ?? fallback,
  calls: Number(row.calls),
  inputTokens: Number(row.inputTokens ?? 0n),
  outputTokens: Number(row.outputTokens ?? 0n),
  costMicros: row.costMicros ?? 0n,
});

export async function costSummary(db: Db, range: { from: Date; to: Date }) {
  const [byProfile, byUser] = await Promise.all([
    db.$queryRaw<Aggregate[]>`
      SELECT c."profileId" AS key, p.name AS label, COUNT(*) AS calls,
        SUM(c."inputTokens" + c."cacheReadTokens" + c."cacheWriteTokens") AS "inputTokens", SUM(c."outputTokens") AS "outputTokens",
        SUM(c."costMicros")::bigint AS "costMicros"
      FROM "ModelCall" c LEFT JOIN "AgentProfile" p ON p.id = c."profileId"
      WHERE c."createdAt" >= ${range.from} AND c."createdAt" < ${range.to}
      GROUP BY c."profileId", p.name ORDER BY "costMicros" DESC`,
    db.$queryRaw<Aggregate[]>`
      SELECT c."userId" AS key, u.email AS label, COUNT(*) AS calls,
        SUM(c."inputTokens" + c."cacheReadTokens" + c."cacheWriteTokens") AS "inputTokens", SUM(c."outputTokens") AS "outputTokens",
        SUM(c."costMicros")::bigint AS "costMicros"
      FROM "ModelCall" c LEFT JOIN "User" u ON u.id = c."userId"
      WHERE c."createdAt" >= ${range.from} AND c."createdAt" < ${range.to}
      GROUP BY c."userId", u.email ORDER BY "costMicros" DESC`,
  ]);
  const rows = { byProfile: byProfile.map(toRow("(deleted profile)")), byUser: byUser.map(toRow("(no user)")) };
  const totalMicros = rows.byProfile.reduce((sum, row) => sum + row.costMicros, 0n);
  return { ...rows, totalMicros };
}
