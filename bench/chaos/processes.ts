// The Baton processes of a chaos run — simulated Claude, agent daemon, web server — run the way a
// service manager runs them (systemd's Restart=always, RestartSec=1: a process that exits for
// any reason starts again a second later), each killable, keeping the tail of its output.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { ChaosOptions } from "./options";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface ManagedProcess {
  readonly name: string;
  pid(): number | null;
  start(): void;
  /** Resolves when the process has exited; the service manager starts it again a second later. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Stops it for good. */
  stop(signal: NodeJS.Signals): Promise<void>;
  /** Waits until `line` appears in output printed since the last start. */
  waitFor(line: RegExp, timeoutMs: number): Promise<void>;
  tail(): string;
}

function managed(name: string, entry: string, env: NodeJS.ProcessEnv): ManagedProcess {
  let child: ChildProcess | null = null;
  let supervised = false;
  let sinceStart = "";
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    sinceStart += text;
    if (sinceStart.length > 200_000) sinceStart = sinceStart.slice(-100_000);
    lines.push(...text.split("\n").filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  const running = () => child !== null && child.exitCode === null && child.signalCode === null;
  const start = () => {
    supervised = true;
    if (running()) return;
    sinceStart = "";
    const current = spawn(process.execPath, ["--import", "tsx", path.join(root, entry)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child = current;
    current.stdout?.on("data", keep);
    current.stderr?.on("data", keep);
    current.once("exit", () => {
      if (supervised && child === current) setTimeout(() => supervised && child === current && start(), 1000);
    });
  };
  const kill = async (signal: NodeJS.Signals) => {
    const current = child;
    if (!current || !running()) return;
    const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
    current.kill(signal);
    await exited;
    sinceStart = "";
  };
  return {
    name,
    pid: () => (running() ? (child!.pid ?? null) : null),
    start,
    kill,
    async stop(signal) {
      supervised = false;
      await kill(signal);
    },
    async waitFor(line, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!line.test(sinceStart)) {
        if (Date.now() > deadline) throw new Error(`${name} did not print ${line} within ${timeoutMs} ms:\n${lines.slice(-30).join("\n")}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    tail: () => lines.slice(-60).join("\n"),
  };
}

export interface ChaosProcesses {
  sim: ManagedProcess;
  daemon: ManagedProcess;
  web: ManagedProcess;
}

export function chaosProcesses(options: ChaosOptions, timings: Record<string, string>): ChaosProcesses {
  const common = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    BATON_REDIS_PREFIX: options.prefix,
  };
  const simUrl = `http://127.0.0.1:${options.ports.sim}`;
  return {
    sim: managed("sim", "agent/sim/main.ts", { ...process.env, SIM_PORT: String(options.ports.sim), SIM_FIRST_TOKEN_DELAY_MS: "20", SIM_TOKEN_DELAY_MS: "1" }),
    daemon: managed("daemon", "agent/daemon/main.ts", {
      ...common,
      BATON_SIM_URL: simUrl,
      BATON_MAX_AGENTS: "4",
      // A shared machine's load and memory must not decide whether agents start.
      BATON_MAX_LOAD_PER_CORE: "1000",
      BATON_MIN_FREE_MEMORY_MB: "0",
      BATON_DAEMON_API_PORT: String(options.ports.daemonApi),
      BATON_WORKSPACES: path.join(root, ".baton", "chaos", "workspaces"),
      ...timings,
    }),
    web: managed("web", "server.ts", {
      ...common,
      PORT: String(options.ports.web),
      HOSTNAME: "127.0.0.1",
      BATON_URL: `http://127.0.0.1:${options.ports.web}`,
      BATON_TASK_CREATES_PER_MINUTE: "600",
    }),
  };
}
