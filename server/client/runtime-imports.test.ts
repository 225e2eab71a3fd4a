// The client runs in scripts on other machines: at runtime it may load only its own modules and
// its few packages, never server code (Prisma, Redis, env parsing). Type-only imports are free.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ALLOWED_PACKAGES = ["@trpc/client", "superjson", "socket.io-client", "node:util"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("server/client", () => {
  it("imports nothing outside itself at runtime but its packages", () => {
    const here = import.meta.dirname;
    const offending: string[] = [];
    for (const file of sourceFiles(here)) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\sfrom\s+"([^"]+)";/gms)) {
        const [, typeOnly, specifier] = match;
        if (typeOnly) continue;
        const inside = specifier!.startsWith(".") && path.resolve(path.dirname(file), specifier!).startsWith(here);
        if (!inside && !ALLOWED_PACKAGES.includes(specifier!)) offending.push(`${path.relative(here, file)} → ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
