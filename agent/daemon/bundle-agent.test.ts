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
    fs.writeFileSync(path.join(dir, "src", "main.ts"), 'import { where } from "./nested/where";\nconst here: string = import.meta.dirname;\nconsole.log(JSON.stringify({ here, where }));\n');

    const entry = await bundleAgent(path.join(dir, "src", "main.ts"), path.join(dir, "build"));
    expect(entry.file).toMatch(/agent-[0-9a-f]{16}\.mjs$/);
    expect(entry.execArgv).not.toContain("tsx");
    const printed = JSON.parse(execFileSync(process.execPath, [...entry.execArgv, entry.file], { encoding: "utf8" }));
    expect(printed).toEqual({ here: path.join(dir, "src"), where: path.join(dir, "src", "nested") });

    // The same code again: the same file, and no temporary file left behind.
    expect((await bundleAgent(path.join(dir, "src", "main.ts"), path.join(dir, "build"))).file).toBe(entry.file);
    expect(fs.readdirSync(path.join(dir, "build"))).toEqual([path.basename(entry.file)]);
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
