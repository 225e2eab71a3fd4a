// Vitest global setup for integration tests: refuses to run against anything but a test database
// (bin/test creates, resets and migrates it) and seeds the default agent profiles.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  const url = process.env.DATABASE_URL;
  if (!url || !/test/.test(new URL(url).pathname)) {
    throw new Error("Integration tests need DATABASE_URL pointing at a test database. Run them with `npm test`.");
  }
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
  process.env.BATON_REDIS_PREFIX ??= "baton-test";
  execFileSync("node", ["bin/lib/migrate.mjs"], { stdio: "inherit" });
  execFileSync("node", ["--import", "tsx", "prisma/seed.ts"], { stdio: "ignore" });
}
