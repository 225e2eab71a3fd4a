// The files in a task's workspace, for the task page: path, size and last change, sorted by path
// and paged by the last path seen. Seed files nobody changed are left out (counted instead), and
// symlinks are neither listed nor followed, nor is a folder an agent swaps for one meanwhile
// (walk-folder.ts). The walk stops after MAX_SCANNED entries so a
// workspace with a huge tree (a dependency folder, say) cannot make the page slow; the answer
// then says it is incomplete.
import fs from "node:fs/promises";
import { z } from "zod";
import { isUnchangedSeedFile, seedFiles, workspaceDir, type WorkspaceConfig } from "./task-workspace";
import { walkFolder } from "./walk-folder";

export const ZTaskFilesRequestSchema = z.object({
  id: z.string().min(1).max(64),
  limit: z.number().int().min(1).max(200).default(100),
  /** The last path of the previous page. */
  cursor: z.string().min(1).max(4096).optional(),
});

export const MAX_SCANNED = 5000;
const MAX_DEPTH = 24;

export interface TaskFile {
  path: string;
  size: number;
  modifiedAt: Date;
}

export interface TaskFilesPage {
  items: TaskFile[];
  nextCursor: string | null;
  /** Seed files present unchanged, left out of the list. */
  hiddenSeedFiles: number;
  /** The walk stopped at MAX_SCANNED entries; some files may be missing. */
  truncated: boolean;
  /** False when this host has no workspace for the task (nothing written yet, or another host's disk). */
  workspaceFound: boolean;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export async function listTaskFiles(config: WorkspaceConfig, request: z.output<typeof ZTaskFilesRequestSchema>): Promise<TaskFilesPage> {
  const empty = { items: [], nextCursor: null, hiddenSeedFiles: 0, truncated: false };
  const dir = workspaceDir(config, request.id);
  const root = dir ? await fs.realpath(dir).catch(() => null) : null;
  if (!root || !(await fs.stat(root).then((s) => s.isDirectory(), () => false))) return { ...empty, workspaceFound: false };

  const seedSizes = await seedFiles(config.seed);
  const shown: TaskFile[] = [];
  let hiddenSeedFiles = 0;
  let scanned = 0;
  let truncated = false;
  for await (const entry of walkFolder(root, root)) {
    if (++scanned > MAX_SCANNED || entry.depth > MAX_DEPTH) {
      truncated = true;
      break;
    }
    if (entry.kind !== "file") continue;
    // Compared while the walk holds the file's folder open (entry.at), like everything else it reads.
    if (await isUnchangedSeedFile(config.seed, entry.path, entry.at, entry.stat.size, seedSizes)) hiddenSeedFiles++;
    else shown.push({ path: entry.path, size: entry.stat.size, modifiedAt: entry.stat.mtime });
  }
  shown.sort(byPath);
  const after = request.cursor ? shown.filter((file) => file.path > request.cursor!) : shown;
  const items = after.slice(0, request.limit);
  return { items, nextCursor: after.length > request.limit ? items.at(-1)!.path : null, hiddenSeedFiles, truncated, workspaceFound: true };
}
