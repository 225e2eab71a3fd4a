// Builds a Prisma client on the pg driver adapter (no native query engine). Every session runs in
// UTC: timestamps are `timestamp without time zone`, written both from JavaScript (UTC) and by
// `now()` in SQL, which would otherwise use the server's own time zone.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export function createPrisma(connectionString: string, options: { max?: number } = {}): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: options.max ?? 10, options: "-c TimeZone=UTC" }) });
}

export { Prisma } from "./generated/client";
export * from "./generated/enums";
