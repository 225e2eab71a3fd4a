// Prisma CLI configuration. The JS engine with the pg driver adapter lets the CLI use its bundled
// WebAssembly schema engine, so migrations need no downloaded binaries.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

export default {
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  // allowExitOnIdle lets the CLI exit as soon as it is done instead of holding idle connections.
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true }),
} satisfies PrismaConfig;
