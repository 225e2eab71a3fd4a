// run_command: a shell command in the task workspace with a time limit, an output cap (head and
// tail kept) and an environment without the agent's secrets, inside the sandbox (sandbox.ts).
// It runs in its own process group so a timeout or cancel kills everything it started, and under a
// process cap where the host allows one (pid-limit.ts), so a fork bomb cannot fill the host.
import { spawn } from "node:child_process";
import { joinCommandNetwork } from "./command-network";
import { createPidLimit } from "./pid-limit";
import { sandboxedCommand, type CommandSandbox } from "./sandbox";

export const OUTPUT_CAP_BYTES = 16_000;

export interface CommandResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  output: string;
}

const SAFE_ENV = { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", LANG: "C.UTF-8", NODE_ENV: "production" } as const;

export interface RunCommandOptions {
  timeoutSeconds: number;
  signal: AbortSignal;
  sandbox: CommandSandbox;
}

export function runCommand(root: string, command: string, options: RunCommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const sandboxed = sandboxedCommand(root, command, options.sandbox);
    const pidLimit = options.sandbox.kind === "bwrap" ? createPidLimit() : null;
    const [program, args] = pidLimit ? pidLimit.wrap(sandboxed.program, sandboxed.args) : [sandboxed.program, sandboxed.args];
    const child = spawn(program, args, {
      cwd: root,
      env: { ...SAFE_ENV, HOME: root },
      detached: true,
      // An own network: bubblewrap's info, release and resolv.conf pipes (see sandbox.ts).
      stdio: sandboxed.ownNetwork ? ["ignore", "pipe", "pipe", "pipe", "pipe", "pipe"] : ["ignore", "pipe", "pipe"],
    });
    const [stdout, stderr] = [child.stdout!, child.stderr!]; // piped above
    const output = new CappedOutput(OUTPUT_CAP_BYTES);
    stdout.on("data", (chunk: Buffer) => output.push(chunk));
    stderr.on("data", (chunk: Buffer) => output.push(chunk));

    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutSeconds * 1000);
    const onAbort = () => killGroup();
    options.signal.addEventListener("abort", onAbort, { once: true });
    if (options.signal.aborted) killGroup();
    const network = sandboxed.ownNetwork
      ? joinCommandNetwork(child, options.sandbox.kind === "bwrap" ? (options.sandbox.reachable ?? []) : [], (reason) => {
          output.push(Buffer.from(`${reason}\n`));
          killGroup();
        })
      : null;

    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(drain);
      void pidLimit?.dispose();
      options.signal.removeEventListener("abort", onAbort);
      finish();
    };
    // The result waits for the output's end ("close"), but not for ever: a process that left the
    // group (setsid, possible without the sandbox) may hold the pipes open long after the command.
    let drain: NodeJS.Timeout | undefined;
    child.on("exit", (exitCode, signal) => {
      // The command is over: so is whatever it left running in its group, as under the sandbox,
      // where its pid namespace ends with it. It finished within its time limit, too.
      clearTimeout(timer);
      killGroup();
      network?.close();
      drain = setTimeout(() => {
        stdout.destroy();
        stderr.destroy();
        settle(() => resolve({ exitCode, signal, timedOut, output: output.text() }));
      }, OUTPUT_DRAIN_MS);
    });
    child.on("error", (error) => {
      network?.close();
      settle(() => reject(error));
    });
    child.on("close", (exitCode, signal) => settle(() => resolve({ exitCode, signal, timedOut, output: output.text() })));
  });
}

/** How long output may go on arriving after the command's own process has exited. */
const OUTPUT_DRAIN_MS = 1_000;

export function describeCommandResult(result: CommandResult, timeoutSeconds: number): string {
  const status = result.timedOut
    ? `timed out after ${timeoutSeconds} s and was killed`
    : result.signal
      ? `killed by ${result.signal}`
      : `exit code ${result.exitCode}`;
  return `${status}\n${result.output}`;
}

/** Keeps the first and last half of the cap; the middle is summarised by its size. */
export class CappedOutput {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private dropped = 0;
  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    const half = Math.floor(this.cap / 2);
    if (this.head.length < half) {
      const take = Math.min(half - this.head.length, chunk.length);
      this.head = Buffer.concat([this.head, chunk.subarray(0, take)]);
      chunk = chunk.subarray(take);
    }
    if (chunk.length === 0) return;
    const combined = Buffer.concat([this.tail, chunk]);
    const overflow = Math.max(0, combined.length - half);
    this.dropped += overflow;
    this.tail = combined.subarray(overflow);
  }

  text(): string {
    const middle = this.dropped > 0 ? `\n…[${this.dropped} bytes of output omitted]…\n` : "";
    return this.head.toString("utf8") + middle + this.tail.toString("utf8");
  }
}
