// Writes prisma/migrations/<timestamp>_<name>/migration.sql by diffing the schema committed at
// HEAD against the working schema. Diffing schema files needs no database, which matters because
// the offline Prisma CLI cannot introspect a live one.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits, underscores)");
  process.exit(2);
}

const migrationsDir = path.join("prisma", "migrations");
const hasMigrations =
  fs.existsSync(migrationsDir) && fs.readdirSync(migrationsDir).some((entry) => /^\d{14}_/.test(entry));

let from = ["--from-empty"];
if (hasMigrations) {
  const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-schema-")), "schema.prisma");
  fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
  from = ["--from-schema-datamodel", previous];
}

const diff = spawnSync(
  "npx",
  ["--no-install", "prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/baton" } },
);
if (diff.status !== 0) {
  process.stderr.write(diff.stderr);
  process.exit(diff.status ?? 1);
}
if (!/^\s*(CREATE|ALTER|DROP)/m.test(diff.stdout)) {
  console.log("The schema has no changes since HEAD; no migration written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), diff.stdout);
fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`wrote ${path.join(dir, "migration.sql")}`);
