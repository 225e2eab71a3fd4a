// An agent's process tree: the agent and everything it started (bubblewrap and the commands
// inside it are its children), sampled together and killed together.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";
import pidusage from "pidusage";

const run = promisify(execFile);

/** Every descendant of `pid`, from /proc's children lists (or `ps --ppid` where /proc lacks them). */
export async function descendantPids(pid: number): Promise<number[]> {
  const found: number[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const next = (await Promise.all(frontier.map(childrenOf))).flat().filter((child) => !found.includes(child) && child !== pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

async function childrenOf(pid: number): Promise<number[]> {
  try {
    const threads = await fs.readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(threads.map((tid) => fs.readFile(`/proc/${pid}/task/${tid}/children`, "utf8").catch(() => "")));
    return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
  } catch {
    const { stdout } = await run("ps", ["-o", "pid=", "--ppid", String(pid)]).catch(() => ({ stdout: "" }));
    return stdout.split(/\s+/).filter(Boolean).map(Number);
  }
}

export interface TreeUsage {
  /** Percent of one core, summed over the tree. */
  cpu: number;
  rssBytes: number;
}

/** CPU and resident memory of the agent and all its descendants. */
export async function sampleTree(pid: number): Promise<TreeUsage | null> {
  const pids = [pid, ...(await descendantPids(pid))];
  const stats = await pidusage(pids).catch(() => null);
  if (!stats || !stats[pid]) return null;
  let cpu = 0;
  let rssBytes = 0;
  for (const stat of Object.values(stats)) {
    // A child can end between listing and sampling; pidusage then omits or nulls it.
    if (!stat) continue;
    cpu += stat.cpu;
    rssBytes += stat.memory;
  }
  return { cpu, rssBytes };
}

/** SIGKILLs the agent and every descendant (children first, read before the agent dies and they are re-parented). */
export async function killTree(pid: number): Promise<void> {
  const children = await descendantPids(pid).catch(() => []);
  for (const target of [...children.reverse(), pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** Whether a process with this pid exists on this host (one owned by another user counts). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
