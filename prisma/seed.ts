// Seeds the default agent profiles and the local operator account. Safe to run repeatedly.
import { createPrisma } from "../server/db/create-prisma";
import { LOCAL_OPERATOR_EMAIL } from "../server/auth/resolve-actor";
import { DEFAULT_PROFILES } from "../server/services/profiles/default-profiles";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createPrisma(url, { max: 2 });

for (const profile of DEFAULT_PROFILES) {
  await db.agentProfile.upsert({ where: { name: profile.name }, create: profile, update: {} });
}
await db.user.upsert({
  where: { email: LOCAL_OPERATOR_EMAIL },
  create: { email: LOCAL_OPERATOR_EMAIL, name: "Local operator" },
  update: {},
});
console.log(`seeded ${DEFAULT_PROFILES.length} agent profiles`);
await db.$disconnect();
