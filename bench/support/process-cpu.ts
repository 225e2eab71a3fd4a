// CPU time used by groups of processes over a benchmark's measured window, read from Linux's
// /proc (user + system time of every thread of each process), so a benchmark can say where its
// work's CPU went: per process group and per unit of work. A rate only says how long the work
// took; on a machine whose cores are all busy, CPU per unit is what decides that rate.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU time a process has used so far in ms, 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The processes whose command name (as `ps -o comm` shows it) is `name`. */
export function processesNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** Each group's processes, listed at the start and again at the stop (a connection pool may open backends meanwhile). */
export type ProcessGroups = Record<string, () => number[]>;

/** Starts counting; `stop` returns each group's CPU ms since. A process first listed at the stop started meanwhile, so all its time counts. */
export function startCpuMeter(groups: ProcessGroups): { stop(): Record<string, number> } {
  const listed = Object.fromEntries(Object.entries(groups).map(([group, list]) => [group, list()]));
  const start = new Map(Object.values(listed).flat().map((pid) => [pid, cpuMs(pid)]));
  return {
    stop() {
      return Object.fromEntries(
        Object.entries(groups).map(([group, list]) => {
          const pids = new Set([...listed[group]!, ...list()]);
          return [group, [...pids].reduce((sum, pid) => sum + Math.max(0, cpuMs(pid) - (start.get(pid) ?? 0)), 0)];
        }),
      );
    },
  };
}

/** "agents 24.6, daemon 6.3, … total 42.6 ms" per unit of work. */
export function formatCpuPer(used: Record<string, number>, units: number): string {
  const per = (ms: number) => (ms / units).toFixed(1);
  const total = Object.values(used).reduce((sum, ms) => sum + ms, 0);
  return `${Object.entries(used).map(([group, ms]) => `${group} ${per(ms)}`).join(", ")}; total ${per(total)} ms`;
}
