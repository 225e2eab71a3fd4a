// A cap on how many processes one command may have at once, through the cgroup "pids" controller
// when this host lets the agent create cgroups (root with a writable cgroup v1 pids hierarchy).
// A fork bomb then fails to fork instead of filling the host's process table before the time
// limit kills it. Without it, the time limit and the sandbox's pid namespace still end it.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const COMMAND_MAX_PROCESSES = 256;
const PIDS_ROOT = "/sys/fs/cgroup/pids";

export interface PidLimit {
  /** The program and arguments that join the cgroup, then exec the command. */
  wrap(program: string, args: string[]): [string, string[]];
  dispose(): Promise<void>;
}

let usable: boolean | undefined;

export function createPidLimit(max = COMMAND_MAX_PROCESSES): PidLimit | null {
  usable ??= probe();
  if (!usable) return null;
  const dir = path.join(PIDS_ROOT, `baton-cmd-${randomUUID()}`);
  try {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "pids.max"), String(max));
  } catch {
    return null;
  }
  return {
    // The shell puts itself in the cgroup before exec, so every descendant is counted.
    wrap: (program, args) => ["sh", ["-c", 'echo $$ > "$0" && exec "$@"', path.join(dir, "cgroup.procs"), program, ...args]],
    async dispose() {
      // Empty once the command's processes are gone; retried briefly while stragglers are reaped.
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          fs.rmdirSync(dir);
          return;
        } catch {
          await sleep(20);
        }
      }
    },
  };
}

function probe(): boolean {
  const dir = path.join(PIDS_ROOT, `baton-probe-${process.pid}`);
  try {
    fs.mkdirSync(dir);
    fs.rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}
