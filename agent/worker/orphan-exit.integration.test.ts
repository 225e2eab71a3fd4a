// An agent process never outlives its daemon: one whose daemon dies while the agent is still
// loading (before it listens for the IPC channel to close) shuts down once it is up.
import { fork } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../server/testing/test-deps";

const deps = createTestDeps("orphan-exit");
afterAll(() => deps.close());

describe("an agent whose daemon dies while it starts", () => {
  it("exits on its own once started", async () => {
    const child = fork(path.join(import.meta.dirname, "main.ts"), [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, BATON_REDIS_PREFIX: deps.prefix, BATON_AGENT_ID: "orphan-test-agent", BATON_PROFILE: "generalist", BATON_SIM_URL: "http://127.0.0.1:9" },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let output = "";
    for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    // The daemon's end, as the agent sees it: its IPC channel closes, long before it is ready.
    child.disconnect();
    const outcome = await Promise.race([exited, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 150_000))]);
    if (outcome === "still running") child.kill("SIGKILL");
    expect(outcome, output).not.toBe("still running");
    expect(output).toMatch(/stopping \(the daemon is gone\)/);
  }, 180_000);
});
