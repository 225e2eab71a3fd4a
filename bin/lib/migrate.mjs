// Applies pending Prisma migrations. `prisma migrate deploy` lingers about ten seconds after it
// finishes (a timer in its WebAssembly engine), so when every migration folder is already
// recorded as applied the CLI is not started at all.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(2);
}

const dir = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");
const wanted = fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory());

async function applied() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((row) => row.migration_name));
  } catch {
    return new Set(); // No migrations table yet.
  } finally {
    await client.end();
  }
}

const done = await applied();
if (wanted.every((name) => done.has(name))) process.exit(0);
const result = spawnSync("npx", ["--no-install", "prisma", "migrate", "deploy"], { encoding: "utf8" });
if (result.status !== 0) {
  process.stderr.write(result.stdout + result.stderr);
  process.exit(result.status ?? 1);
}
