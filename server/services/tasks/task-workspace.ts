// Where a task's workspace is on this host and what it started with. The web process reads the
// folders the agents write (BATON_WORKSPACES); with agents on other hosts that must be shared storage.
import { constants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

export interface WorkspaceConfig {
  /** The folder holding one workspace folder per task. */
  root: string;
  /** The files every new workspace is a copy of. */
  seed: string;
}

/** The task's workspace folder, or null when the id could not name one inside the root. */
export function workspaceDir(config: WorkspaceConfig, taskId: string): string | null {
  const root = path.resolve(config.root);
  const dir = path.resolve(root, taskId);
  return path.dirname(dir) === root && path.basename(dir) === taskId && !taskId.startsWith(".") ? dir : null;
}

/** Whether `candidate` is `root` itself or lies under it: "..notes.md" is a name inside; ".." and "../x" are outside. */
export function isWithin(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Whether `candidate` lies under `root`, the root itself not counted. */
export function isInside(root: string, candidate: string): boolean {
  return path.relative(root, candidate) !== "" && isWithin(root, candidate);
}

/** Seed files by workspace-relative path (with "/" separators), with their sizes. */
export async function seedFiles(seed: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(full, relative);
      else if (entry.isFile()) files.set(relative, (await fs.stat(full)).size);
    }
  };
  await walk(path.resolve(seed), "");
  return files;
}

/** True when the workspace file is a seed file nobody changed (same size, same bytes). */
export async function isUnchangedSeedFile(seed: string, relative: string, file: string, size: number, seedSizes: Map<string, number>): Promise<boolean> {
  if (seedSizes.get(relative) !== size) return false;
  const [mine, original] = await Promise.all([readUpTo(file, size), fs.readFile(path.join(path.resolve(seed), relative))]).catch(() => [null, null]);
  return !!mine && !!original && mine.equals(original);
}

/**
 * At most `size` bytes of a regular file, without following a symlink or blocking on a FIFO: an
 * agent may have swapped the file it listed for either (a link to /dev/zero would never end).
 */
async function readUpTo(file: string, size: number): Promise<Buffer | null> {
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) return null;
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
