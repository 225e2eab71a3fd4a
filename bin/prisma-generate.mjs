// Generates the Prisma client from the project's own install step: npm does not run
// dependencies' install scripts here, and `prisma generate` needs DATABASE_URL to be set
// (any value; it does not connect) or it tries to download a query engine.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.DATABASE_URL ??= "postgresql://localhost:5432/baton";
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
