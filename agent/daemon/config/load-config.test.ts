import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatConfig } from "./format-config";
import { loadDaemonConfig } from "./load-config";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-config-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const load = (argv: string[] = [], env: Record<string, string> = {}) => loadDaemonConfig({ argv, env, cwd: dir });

describe("loadDaemonConfig", () => {
  it("uses the defaults when nothing else is given", () => {
    const { config, sources, file } = load();
    expect(file).toBeNull();
    expect(config.fleet.maxAgents).toBe(4);
    expect(config.intervals.cooldown).toBe(60_000);
    expect(sources.get("fleet.maxAgents")).toEqual({ layer: "default" });
  });

  it("layers file < env < flag and remembers each value's source", () => {
    const file = writeFile(
      "layers.yaml",
      ["fleet:", "  maxAgents: 6", "  profiles:", "    analyst: { minAgents: 1, maxAgents: 3 }", "host:", "  maxLoadPerCore: 2.5", "intervals:", "  cooldown: 30s", "paths:", "  workspaces: ws"].join("\n"),
    );
    const { config, sources } = load(["--config", file, "--max-agents", "8"], { BATON_MAX_AGENTS: "7", BATON_MIN_FREE_MEMORY_MB: "1024" });
    expect(config.fleet.maxAgents).toBe(8);
    expect(sources.get("fleet.maxAgents")).toEqual({ layer: "flag", name: "max-agents" });
    expect(config.host.minFreeMemoryMb).toBe(1024);
    expect(sources.get("host.minFreeMemoryMb")).toEqual({ layer: "env", name: "BATON_MIN_FREE_MEMORY_MB" });
    expect(config.host.maxLoadPerCore).toBe(2.5);
    expect(config.intervals.cooldown).toBe(30_000);
    expect(config.fleet.profiles.analyst).toEqual({ minAgents: 1, maxAgents: 3 });
    // Paths in the file are relative to the file's folder.
    expect(config.paths.workspaces).toBe(path.join(dir, "ws"));
    expect(sources.get("intervals.cooldown")).toEqual({ layer: "file", file: "layers.yaml" });
  });

  it("reads per-profile fleet sizes from BATON_FLEET and --fleet", () => {
    const { config, sources } = load(["--fleet", "tester=0-2"], { BATON_FLEET: "analyst=1-3,tester=1-1" });
    expect(config.fleet.profiles).toEqual({ analyst: { minAgents: 1, maxAgents: 3 }, tester: { minAgents: 0, maxAgents: 2 } });
    expect(sources.get("fleet.profiles.tester.maxAgents")).toEqual({ layer: "flag", name: "fleet" });
  });

  it("finds ./baton.config.yaml, and BATON_CONFIG names another file", () => {
    const local = fs.mkdtempSync(path.join(dir, "cwd-"));
    fs.writeFileSync(path.join(local, "baton.config.yaml"), "fleet:\n  maxAgents: 3\n");
    expect(loadDaemonConfig({ argv: [], env: {}, cwd: local }).config.fleet.maxAgents).toBe(3);
    const other = writeFile("other.yaml", "fleet:\n  maxAgents: 5\n");
    expect(loadDaemonConfig({ argv: [], env: { BATON_CONFIG: other }, cwd: local }).config.fleet.maxAgents).toBe(5);
  });

  it("names the key and its source when a value is bad", () => {
    expect(() => load([], { BATON_MAX_LOAD_PER_CORE: "lots" })).toThrow(/host\.maxLoadPerCore \(env BATON_MAX_LOAD_PER_CORE\) = "lots"/);
    expect(() => load(["--max-agents", "0"])).toThrow(/fleet\.maxAgents \(flag --max-agents\) = "0": .*>=1/);
    const file = writeFile("bad.yaml", "intervals:\n  coolDown: 5s\nfleet:\n  profiles:\n    analyst: { minAgents: 4, maxAgents: 2 }\n");
    const error = (() => {
      try {
        load(["--config", file]);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toContain("intervals.coolDown (file bad.yaml) = unknown setting");
    expect(error).toContain("fleet.profiles.analyst (file bad.yaml)");
    expect(error).toContain("minAgents must not exceed maxAgents");
  });

  it("refuses a missing named file, malformed fleet entries and unknown flags", () => {
    expect(() => load(["--config", "nope.yaml"])).toThrow(/nope\.yaml \(from flag --config\) does not exist/);
    expect(() => load([], { BATON_FLEET: "analyst=3" })).toThrow(/fleet\.profiles \(env BATON_FLEET\) = "analyst=3": expected PROFILE=MIN-MAX/);
    expect(() => load(["--max-agnets", "3"])).toThrow(/Unknown option '--max-agnets'/);
  });
});

describe("baton.config.example.yaml", () => {
  it("is a valid configuration", () => {
    const example = path.resolve(import.meta.dirname, "..", "..", "..", "baton.config.example.yaml");
    const { config } = load(["--config", example]);
    expect(config.fleet.profiles.analyst).toEqual({ minAgents: 1, maxAgents: 4 });
    expect(config.intervals.cooldown).toBe(120_000);
  });
});

describe("formatConfig", () => {
  it("prints every setting with its source and hides the token", () => {
    const text = formatConfig(load(["--api-token", "0123456789abcdef0123"], { BATON_SCALE_COOLDOWN_MS: "5s" }));
    expect(text).toMatch(/intervals\.cooldown\s+5000 ms\s+env BATON_SCALE_COOLDOWN_MS/);
    expect(text).toMatch(/api\.token\s+\(set, 20 characters\)\s+flag --api-token/);
    expect(text).toMatch(/fleet\.maxAgents\s+4\s+default/);
    expect(text).not.toContain("0123456789abcdef0123");
  });
});
