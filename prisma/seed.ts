// Seeds the default agent profiles. Safe to run repeatedly. (People are not seeded: the first
// person to sign in becomes the owner.)
import { createPrisma } from "../server/db/create-prisma";
import { DEFAULT_PROFILES } from "../server/services/profiles/default-profiles";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createPrisma(url, { max: 2 });

for (const profile of DEFAULT_PROFILES) {
  await db.agentProfile.upsert({ where: { name: profile.name }, create: profile, update: {} });
}
console.log(`seeded ${DEFAULT_PROFILES.length} agent profiles`);
await db.$disconnect();
