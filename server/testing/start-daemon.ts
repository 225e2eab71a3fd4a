// Starts the real agent daemon (which forks real agent processes and the simulated Claude) for
// an integration test, with the test's Redis prefix and timing settings.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningDaemon {
  process: ChildProcess;
  output(): string;
  /** The management API's address, once the daemon has printed it. */
  apiUrl(): Promise<string>;
  stop(): Promise<number | null>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

/** `config`: the lines of a YAML config file, written for this daemon and removed when it stops. */
export async function startDaemon(options: { prefix: string; env?: Record<string, string>; args?: string[]; config?: string[] }): Promise<RunningDaemon> {
  let output = "";
  const configDir = options.config ? fs.mkdtempSync(path.join(os.tmpdir(), "baton-daemon-config-")) : null;
  const configArgs = configDir ? ["--config", path.join(configDir, "fleet.yaml")] : [];
  if (configDir) fs.writeFileSync(configArgs[1]!, options.config!.join("\n"));
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "agent/daemon/main.ts"), ...configArgs, ...(options.args ?? [])], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      BATON_REDIS_PREFIX: options.prefix,
      BATON_MAX_AGENTS: "4",
      SIM_FIRST_TOKEN_DELAY_MS: "0",
      SIM_TOKEN_DELAY_MS: "0",
      BATON_RECONCILE_INTERVAL_MS: "1000",
      BATON_LOCK_DURATION_MS: "4000",
      BATON_STALLED_INTERVAL_MS: "2000",
      BATON_AUTOSCALE_INTERVAL_MS: "500",
      // A shared build machine's load and memory must not decide whether a test's agents start.
      BATON_MAX_LOAD_PER_CORE: "1000",
      BATON_MIN_FREE_MEMORY_MB: "0",
      BATON_DAEMON_API_PORT: "0",
      BATON_WORKSPACES: path.join(root, ".baton", "test-workspaces", options.prefix),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
      resolve(code);
    }),
  );

  return {
    process: child,
    output: () => output,
    async apiUrl() {
      for (let i = 0; i < 600; i++) {
        const match = /management API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) return match[1]!;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the daemon printed no management API address:\n${output}`);
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
  };
}
