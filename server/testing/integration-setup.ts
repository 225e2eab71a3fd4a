// Vitest global setup for integration tests: refuses to run against anything but a test database
// (bin/test creates, resets and migrates it), migrates and seeds it, then clones it once per
// worker (server/testing/worker-database.ts), so test files run side by side, each worker on a
// database of its own.
import { execFileSync } from "node:child_process";
import pg from "pg";
import { integrationWorkers, workerDatabaseUrl } from "./worker-database";

export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !/test/.test(new URL(url).pathname)) {
    throw new Error("Integration tests need DATABASE_URL pointing at a test database. Run them with `npm test`.");
  }
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
  process.env.BATON_REDIS_PREFIX ??= "baton-test";
  execFileSync("node", ["bin/lib/migrate.mjs"], { stdio: "inherit" });
  execFileSync("node", ["--import", "tsx", "prisma/seed.ts"], { stdio: "ignore" });

  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const template = decodeURIComponent(new URL(url).pathname.slice(1));
    const workers = integrationWorkers();
    for (let worker = 1; worker <= workers; worker++) {
      const name = decodeURIComponent(new URL(workerDatabaseUrl(url, worker)).pathname.slice(1));
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    }
  } finally {
    await client.end();
  }
}
