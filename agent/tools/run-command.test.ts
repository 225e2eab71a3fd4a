import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CappedOutput, runCommand } from "./run-command";

const workspace = () => fs.mkdtemp(path.join(os.tmpdir(), "baton-cmd-"));

describe("runCommand", () => {
  it("runs in the workspace without the agent's secrets", async () => {
    process.env.SECRET_FOR_TEST = "leak";
    const root = await workspace();
    const result = await runCommand(root, 'pwd; echo "[$SECRET_FOR_TEST]"; exit 3', { timeoutSeconds: 5, signal: new AbortController().signal });
    expect(result.exitCode).toBe(3);
    expect(result.output).toContain(await fs.realpath(root));
    expect(result.output).toContain("[]");
  });

  it("kills the whole process group on timeout", async () => {
    const result = await runCommand(await workspace(), "sleep 20 & sleep 20; echo never", { timeoutSeconds: 1, signal: new AbortController().signal });
    expect(result.timedOut).toBe(true);
    expect(result.output).not.toContain("never");
  });

  it("kills the command when aborted", async () => {
    const controller = new AbortController();
    const running = runCommand(await workspace(), "sleep 20", { timeoutSeconds: 30, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await running).signal).toBe("SIGKILL");
  });
});

describe("CappedOutput", () => {
  it("keeps head and tail and counts what it dropped", () => {
    const capped = new CappedOutput(10);
    capped.push(Buffer.from("abcdefghijklmnopqrstuvwxyz"));
    expect(capped.text()).toBe("abcde\n…[16 bytes of output omitted]…\nvwxyz");
  });
});
