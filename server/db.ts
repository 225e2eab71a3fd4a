// The web process's one database pool (a Prisma client and the hot path's SQL), kept across
// Next.js dev reloads.
import { createDatabase, type Database } from "./db/create-prisma";
import { env } from "./env";

const globalForDb = globalThis as unknown as { batonDatabase?: Database };

const database = globalForDb.batonDatabase ?? createDatabase(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.batonDatabase = database;
export const { db, sql } = database;
