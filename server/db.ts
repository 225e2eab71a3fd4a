// The web process's one Prisma client, kept across Next.js dev reloads.
import { createPrisma, type Db } from "./db/create-prisma";
import { env } from "./env";

const globalForDb = globalThis as unknown as { batonDb?: Db };

export const db: Db = globalForDb.batonDb ?? createPrisma(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.batonDb = db;
