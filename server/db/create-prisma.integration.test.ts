// Sessions run in UTC whatever the server's time zone: a database set to New York time still
// stamps `now()` with the same wall time JavaScript writes.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabase, createPrisma } from "./create-prisma";

const base = new URL(process.env.DATABASE_URL!);
const scratch = new URL(base);
scratch.pathname = `${base.pathname}_tz`;
const admin = new pg.Client({ connectionString: base.toString() });
const name = scratch.pathname.slice(1);

beforeAll(async () => {
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.query(`ALTER DATABASE "${name}" SET timezone = 'America/New_York'`);
});

afterAll(async () => {
  // A backend whose client has just ended may not have exited yet.
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

it("stamps now() in UTC on a server whose time zone is not UTC", async () => {
  const raw = new pg.Client({ connectionString: scratch.toString() });
  await raw.connect();
  const { rows } = await raw.query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone");
  await raw.end();
  expect(rows[0]!.zone).toBe("America/New_York");

  const db = createPrisma(scratch.toString(), { max: 1 });
  try {
    const [row] = await db.$queryRaw<{ zone: string; stamped: Date }[]>`SELECT current_setting('TimeZone') AS zone, now()::timestamp AS stamped`;
    expect(row!.zone).toBe("UTC");
    // Read back as UTC (the adapter's reading of a zoneless timestamp), it is the current instant.
    expect(Math.abs(row!.stamped.getTime() - Date.now())).toBeLessThan(60_000);
  } finally {
    await db.$disconnect();
  }
});

it("gives the hot path's SQL the same values Prisma's raw queries do, on the client's pool", async () => {
  const { db, sql } = createDatabase(scratch.toString(), { max: 1 });
  try {
    const sent = new Date("2026-01-02T03:04:05.678Z");
    const read = (at: Date, amount: bigint, ids: string[]) =>
      sql.query<{ zone: string; at: Date; amount: bigint; ids: string[]; stamped: Date }>`
        SELECT current_setting('TimeZone') AS zone, ${at}::timestamp AS at, ${amount}::bigint * 2 AS amount,
          ${ids}::text[] AS ids, now()::timestamp AS stamped`;
    const [first] = await read(sent, 9_007_199_254_740_993n, ["a", "b"]);
    expect(first!.zone).toBe("UTC");
    expect(first!.at.toISOString()).toBe(sent.toISOString());
    expect(first!.amount).toBe(18_014_398_509_481_986n);
    expect(first!.ids).toEqual(["a", "b"]);
    expect(Math.abs(first!.stamped.getTime() - Date.now())).toBeLessThan(60_000);
    // The call site's prepared statement is reused with new values.
    const [second] = await read(new Date(0), -1n, []);
    expect(second!.at.toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(second!.amount).toBe(-2n);
    expect(second!.ids).toEqual([]);

    const [prisma] = await db.$queryRaw<{ amount: bigint; at: Date }[]>`SELECT ${9_007_199_254_740_993n}::bigint * 2 AS amount, ${sent}::timestamp AS at`;
    expect(prisma).toEqual({ amount: first!.amount, at: first!.at });
    expect(await sql.execute`UPDATE pg_class SET relname = relname WHERE false`).toBe(0);
  } finally {
    await db.$disconnect();
  }
  // Disconnecting the client ends the pool the SQL runs on.
  await expect(sql.query`SELECT 1`).rejects.toThrow();
});

it("plans a statement once per connection when asked to, and for its values otherwise", async () => {
  // Eight runs of one statement with two values (pg_prepared_statements counts the runs of each
  // kind of plan). PostgreSQL plans at least the first five for their values; asked for one plan,
  // it runs them all on the plan it made without values.
  const plansOf = async (genericPlans: boolean) => {
    const { db, sql } = createDatabase(scratch.toString(), { max: 1, genericPlans });
    try {
      for (let i = 0; i < 8; i++) await sql.query`SELECT count(*) FROM pg_class WHERE relkind = ${i % 2 === 0 ? "r" : "S"}::"char"`;
      const [row] = await sql.query<{ generic: bigint; custom: bigint }>`
        SELECT generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements
        WHERE statement LIKE '%FROM pg_class WHERE relkind%' AND statement NOT LIKE '%pg_prepared_statements%'`;
      return { generic: Number(row!.generic), custom: Number(row!.custom) };
    } finally {
      await db.$disconnect();
    }
  };
  expect(await plansOf(true)).toEqual({ generic: 8, custom: 0 });
  expect((await plansOf(false)).custom).toBeGreaterThanOrEqual(5);
});
