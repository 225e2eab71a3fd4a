// Spend over a period per agent profile and per person, summed in SQL over the ModelCall rows.
import { z } from "zod";
import { Prisma, type Db } from "../../db/create-prisma";

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

/** What calls are grouped by: the column on ModelCall, and the name to show from its table. */
const GROUPS = {
  profile: { key: Prisma.sql`c."profileId"`, label: Prisma.sql`g.name`, join: Prisma.sql`LEFT JOIN "AgentProfile" g ON g.id = c."profileId"` },
  user: { key: Prisma.sql`c."userId"`, label: Prisma.sql`g.email`, join: Prisma.sql`LEFT JOIN "User" g ON g.id = c."userId"` },
};

function aggregate(db: Db, group: (typeof GROUPS)[keyof typeof GROUPS], range: { from: Date; to: Date }) {
  return db.$queryRaw<Aggregate[]>`
    SELECT ${group.key} AS key, ${group.label} AS label, COUNT(*) AS calls,
      SUM(c."inputTokens" + c."cacheReadTokens" + c."cacheWriteTokens") AS "inputTokens", SUM(c."outputTokens") AS "outputTokens",
      SUM(c."costMicros")::bigint AS "costMicros"
    FROM "ModelCall" c ${group.join}
    WHERE c."createdAt" >= ${range.from} AND c."createdAt" < ${range.to}
    GROUP BY ${group.key}, ${group.label} ORDER BY "costMicros" DESC`;
}

export async function costSummary(db: Db, range: { from: Date; to: Date }) {
  const [byProfile, byUser] = await Promise.all([aggregate(db, GROUPS.profile, range), aggregate(db, GROUPS.user, range)]);
  const rows = { byProfile: byProfile.map(toRow("(deleted profile)")), byUser: byUser.map(toRow("(no user)")) };
  const totalMicros = rows.byProfile.reduce((sum, row) => sum + row.costMicros, 0n);
  return { ...rows, totalMicros };
}
