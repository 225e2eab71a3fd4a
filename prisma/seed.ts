// Seeds the default agent profiles, model prices and the settings row. Safe to run repeatedly.
// (People are not seeded: the first person to sign in becomes the owner.)
import { createPrisma } from "../server/db/create-prisma";
import { DEFAULT_MODEL_PRICES } from "../server/services/costs/default-prices";
import { DEFAULT_PROFILES } from "../server/services/profiles/default-profiles";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createPrisma(url, { max: 2 });

for (const profile of DEFAULT_PROFILES) {
  await db.agentProfile.upsert({ where: { name: profile.name }, create: profile, update: {} });
}
console.log(`seeded ${DEFAULT_PROFILES.length} agent profiles`);
// Create-if-missing: a price an admin has edited is never overwritten.
const { count } = await db.modelPrice.createMany({ data: DEFAULT_MODEL_PRICES, skipDuplicates: true });
await db.settings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
const kept = DEFAULT_MODEL_PRICES.length - count;
console.log(`seeded ${count} model prices${kept ? ` (${kept} already there, kept as they are)` : ""}`);
await db.$disconnect();
