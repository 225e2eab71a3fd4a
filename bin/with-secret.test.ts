import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = path.join(import.meta.dirname, "with-secret");

function secretSeen(env: Record<string, string>): string {
  const { BATON_SECRET: _unset, ...rest } = process.env;
  return execFileSync(SCRIPT, ["sh", "-c", 'printf %s "$BATON_SECRET"'], { env: { ...rest, ...env }, encoding: "utf8" });
}

describe("bin/with-secret", () => {
  it("generates a secret once, keeps it for its owner only, and gives the same one on every start", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "with-secret-")), "secrets", "baton-secret");
    const first = secretSeen({ BATON_SECRET_FILE: file });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(secretSeen({ BATON_SECRET_FILE: file })).toBe(first);
    // Another install gets another secret.
    expect(secretSeen({ BATON_SECRET_FILE: `${file}-other` })).not.toBe(first);
  });

  it("gives starts racing each other one secret", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "with-secret-")), "baton-secret");
    const { BATON_SECRET: _unset, ...rest } = process.env;
    const start = () =>
      new Promise<string>((resolve, reject) =>
        execFile(SCRIPT, ["sh", "-c", 'printf %s "$BATON_SECRET"'], { env: { ...rest, BATON_SECRET_FILE: file } }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
    const seen = await Promise.all(Array.from({ length: 6 }, start));
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toBe(fs.readFileSync(file, "utf8"));
    expect(fs.readdirSync(path.dirname(file))).toEqual(["baton-secret"]);
  });

  it("leaves the operator's own secret as it is and writes nothing", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "with-secret-")), "baton-secret");
    expect(secretSeen({ BATON_SECRET_FILE: file, BATON_SECRET: "x".repeat(40) })).toBe("x".repeat(40));
    expect(fs.existsSync(file)).toBe(false);
  });
});
