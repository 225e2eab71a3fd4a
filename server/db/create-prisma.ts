// Builds a Prisma client on the pg driver adapter (no native query engine), and beside it the hot
// path's tagged-template SQL on the same pool (see sql.ts). Every session runs in UTC: timestamps
// are `timestamp without time zone`, written both from JavaScript (UTC) and by `now()` in SQL,
// which would otherwise use the server's own time zone.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { createSql, type Sql } from "./sql";

export type Db = PrismaClient;
export type { Sql } from "./sql";

export interface Database {
  db: Db;
  sql: Sql;
}

export interface DatabaseOptions {
  max?: number;
  /**
   * Plan each statement once per connection, whatever its values: for a process whose statements
   * all find their rows by key (an agent). PostgreSQL otherwise judges some of them, the claim
   * among them, worth a new plan on every run, which took a third of the claim's time in
   * PostgreSQL (bench/RESULTS.md). Not for the web server, whose searches and analytics need
   * plans made for their values.
   */
  genericPlans?: boolean;
}

/**
 * One pool for both; `db.$disconnect()` ends it. Idle connections are kept: an agent waits
 * seconds on each model call, and a connection closed meanwhile costs the next statement a new
 * PostgreSQL backend and its prepared statements (tens of milliseconds on a 2-core machine). An
 * idle pool does not keep a finished script alive.
 */
export function createDatabase(connectionString: string, options: DatabaseOptions = {}): Database {
  const settings = ["-c TimeZone=UTC", ...(options.genericPlans ? ["-c plan_cache_mode=force_generic_plan"] : [])];
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, idleTimeoutMillis: 0, allowExitOnIdle: true, options: settings.join(" ") });
  // An idle connection that PostgreSQL drops (a restart) is an 'error' on the pool, which throws
  // without a listener; Prisma adds one only at its first query, and `sql` may come first. The
  // pool has already let the connection go, and the next statement opens a new one.
  pool.on("error", () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { db, sql: createSql(pool) };
}

export function createPrisma(connectionString: string, options: DatabaseOptions = {}): Db {
  return createDatabase(connectionString, options).db;
}

export { Prisma } from "./generated/client";
export * from "./generated/enums";
