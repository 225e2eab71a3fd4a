// `--print-config` as an operator runs it: the real entry file in its own process, with a file,
// environment and flags layered, and a bad value refused with the key and where it came from.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
// Run from a folder of its own (so its baton.config.yaml is found), tsx named by its path.
const tsx = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-print-config-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function daemon(args: string[], env: Record<string, string> = {}) {
  const { BATON_CONFIG: _c, BATON_DAEMON_TOKEN: _t, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ["--import", tsx, path.join(root, "agent/daemon/main.ts"), ...args], { cwd: dir, env: { ...inherited, ...env }, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("agent/daemon/main.ts --print-config", () => {
  it("prints the merged configuration with each value's source and exits without starting anything", () => {
    fs.writeFileSync(path.join(dir, "baton.config.yaml"), "fleet:\n  maxAgents: 6\n  profiles:\n    analyst: { minAgents: 1, maxAgents: 3 }\nintervals:\n  cooldown: 45s\n");
    const { code, stdout } = daemon(["--print-config", "--min-free-memory-mb", "900"], { BATON_MAX_AGENTS: "5", BATON_AUTOSCALE_INTERVAL_MS: "750" });
    expect(code).toBe(0);
    expect(stdout).toMatch(/file: .*baton\.config\.yaml/);
    expect(stdout).toMatch(/fleet\.maxAgents\s+5\s+env BATON_MAX_AGENTS/);
    expect(stdout).toMatch(/fleet\.profiles\.analyst\.maxAgents\s+3\s+file baton\.config\.yaml/);
    expect(stdout).toMatch(/host\.minFreeMemoryMb\s+900\s+flag --min-free-memory-mb/);
    expect(stdout).toMatch(/intervals\.cooldown\s+45000 ms\s+file baton\.config\.yaml/);
    expect(stdout).toMatch(/intervals\.autoscale\s+750 ms\s+env BATON_AUTOSCALE_INTERVAL_MS/);
    expect(stdout).toMatch(/host\.maxLoadPerCore\s+8\s+default/);
    expect(stdout).not.toMatch(/daemon: running/);
  });

  it("refuses a bad value with one error naming the key and its source", () => {
    const { code, stderr } = daemon(["--print-config"], { BATON_SCALE_COOLDOWN_MS: "soon" });
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^Invalid configuration:\n {2}intervals\.cooldown \(env BATON_SCALE_COOLDOWN_MS\) = "soon": expected milliseconds or a duration such as "30s"$/);
  });
});
