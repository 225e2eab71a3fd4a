// The agent bundle: one module that runs under plain Node, in which every bundled module still
// sees its own location; a fallback to tsx when the bundle cannot be written.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleAgent, isAgentCommandLine } from "./bundle-agent";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bundle-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("bundleAgent", () => {
  it("builds a module Node runs without tsx, each part keeping its own import.meta location", async () => {
    fs.mkdirSync(path.join(dir, "src", "nested"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "nested", "where.ts"), "export const where: string = import.meta.dirname;\n");
    fs.writeFileSync(
      path.join(dir, "src", "main.ts"),
      'import { where } from "./nested/where";\nconst here: string = import.meta.dirname;\nconst trace = new Error().stack!.split("\\n")[1];\nconsole.log(JSON.stringify({ here, where, trace }));\n',
    );

    const entry = await bundleAgent(path.join(dir, "src", "main.ts"), path.join(dir, "build"));
    expect(entry.file).toMatch(/agent-[0-9a-f]{16}\.mjs$/);
    expect(entry.execArgv).not.toContain("tsx");
    const printed = JSON.parse(execFileSync(process.execPath, [...entry.execArgv, entry.file], { encoding: "utf8" }));
    expect(printed).toMatchObject({ here: path.join(dir, "src"), where: path.join(dir, "src", "nested") });
    // A stack trace names the TypeScript source where it is.
    expect(printed.trace).toContain(`(${path.join(dir, "src", "main.ts")}:3:`);

    // The same code again: the same file, and no temporary file left behind.
    expect((await bundleAgent(path.join(dir, "src", "main.ts"), path.join(dir, "build"))).file).toBe(entry.file);
    expect(fs.readdirSync(path.join(dir, "build")).sort()).toEqual([path.basename(entry.file), "agent-bundle.json"].sort());
  });

  it("takes the bundle made before while its sources are unchanged, and builds again when one changes or the bundle is gone", async () => {
    const src = path.join(dir, "again");
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, "part.ts"), "export const part = 1;\n");
    fs.writeFileSync(path.join(src, "main.ts"), 'import { part } from "./part";\nconsole.log(part);\n');
    const build = path.join(dir, "again-build");
    const bundle = () => bundleAgent(path.join(src, "main.ts"), build);
    const run = (file: string) => execFileSync(process.execPath, [file], { encoding: "utf8" }).trim();

    const first = await bundle();
    const inode = fs.statSync(first.file).ino;
    // Not built again: the same file, not a new one renamed over it.
    expect((await bundle()).file).toBe(first.file);
    expect(fs.statSync(first.file).ino).toBe(inode);

    fs.writeFileSync(path.join(src, "part.ts"), "export const part = 22;\n");
    const changed = await bundle();
    expect(changed.file).not.toBe(first.file);
    expect(run(changed.file)).toBe("22");

    fs.rmSync(changed.file);
    expect((await bundle()).file).toBe(changed.file);
    expect(run(changed.file)).toBe("22");
  });

  // A real build of the agent's code and packages: about 2 s alone, more than 5 s while the test
  // command's typecheck and production build run beside it.
  it("inlines the packages on a subtask's path and leaves the Prisma runtime external", { timeout: 60_000 }, async () => {
    const entry = await bundleAgent(path.join(import.meta.dirname, "..", "worker", "main.ts"), path.join(dir, "agent-build"));
    const imported = new Set([...fs.readFileSync(entry.file, "utf8").matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]));
    for (const name of ["bullmq", "ioredis", "pg", "zod", "@anthropic-ai/sdk"]) expect(imported).not.toContain(name);
    expect(imported).toContain("@prisma/client/runtime/client");
    expect([...imported].filter((name) => !name!.startsWith("node:") && !name!.startsWith("@prisma/client/"))).toEqual([]);
  });

  it("falls back to tsx when the bundle cannot be written", async () => {
    fs.writeFileSync(path.join(dir, "not-a-directory"), "");
    const entry = await bundleAgent(path.join(dir, "src", "main.ts"), path.join(dir, "not-a-directory", "build"));
    expect(entry).toEqual({ file: path.join(dir, "src", "main.ts"), execArgv: ["--import", "tsx"] });
  });
});

describe("isAgentCommandLine", () => {
  const cmdline = (...args: string[]) => [...args, ""].join("\0");
  it("recognises an agent started from its bundle or through tsx, and nothing else", () => {
    expect(isAgentCommandLine(cmdline("node", "--enable-source-maps", "/app/.baton/build/agent-0123456789abcdef.mjs"))).toBe(true);
    expect(isAgentCommandLine(cmdline("node", "--import", "tsx", "/app/agent/worker/main.ts"))).toBe(true);
    expect(isAgentCommandLine(cmdline("node", "--import", "tsx", "/app/agent/daemon/main.ts"))).toBe(false);
    expect(isAgentCommandLine(cmdline("node", "/app/.baton/build/agent-0123.mjs.77.tmp"))).toBe(false);
  });
});
