// Sessions run in UTC whatever the server's time zone: a database set to New York time still
// stamps `now()` with the same wall time JavaScript writes.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrisma } from "./create-prisma";

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
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
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
