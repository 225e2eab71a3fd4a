// What the host has to spare for another agent: available memory (MemAvailable, which counts
// reclaimable cache, where /proc has it; os.freemem otherwise) and the 1-minute load per core.
import fs from "node:fs/promises";
import os from "node:os";

export interface HostResources {
  freeMemoryMb: number;
  loadPerCore: number;
}

export async function readHostResources(): Promise<HostResources> {
  const meminfo = await fs.readFile("/proc/meminfo", "utf8").catch(() => "");
  const available = /^MemAvailable:\s+(\d+) kB/m.exec(meminfo);
  const freeMemoryMb = available ? Number(available[1]) / 1024 : os.freemem() / (1024 * 1024);
  const cores = Math.max(1, os.availableParallelism());
  return { freeMemoryMb, loadPerCore: os.loadavg()[0]! / cores };
}
