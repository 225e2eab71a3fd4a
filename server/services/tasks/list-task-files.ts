// The files in a task's workspace, for the task page: path, size and last change, sorted by path
// and paged by the last path seen. Seed files nobody changed are left out (counted instead), and
// symlinks are neither listed nor followed. The walk stops after MAX_SCANNED entries so a
// workspace with a huge tree (a dependency folder, say) cannot make the page slow; the answer
// then says it is incomplete.
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isUnchangedSeedFile, seedFiles, workspaceDir, type WorkspaceConfig } from "./task-workspace";

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
  if (!dir || !(await fs.stat(dir).then((s) => s.isDirectory(), () => false))) return { ...empty, workspaceFound: false };

  const found: (TaskFile & { full: string })[] = [];
  let scanned = 0;
  let truncated = false;
  const walk = async (folder: string, prefix: string, depth: number): Promise<void> => {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (++scanned > MAX_SCANNED || depth > MAX_DEPTH) {
        truncated = true;
        return;
      }
      const full = path.join(folder, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(full, relative, depth + 1);
      else if (entry.isFile()) {
        const stat = await fs.lstat(full).catch(() => null);
        if (stat?.isFile()) found.push({ path: relative, size: stat.size, modifiedAt: stat.mtime, full });
      }
      if (truncated) return;
    }
  };
  await walk(dir, "", 0);

  const seedSizes = await seedFiles(config.seed);
  const shown: TaskFile[] = [];
  let hiddenSeedFiles = 0;
  for (const file of found.sort(byPath)) {
    if (await isUnchangedSeedFile(config.seed, file.path, file.full, file.size, seedSizes)) hiddenSeedFiles++;
    else shown.push({ path: file.path, size: file.size, modifiedAt: file.modifiedAt });
  }
  const after = request.cursor ? shown.filter((file) => file.path > request.cursor!) : shown;
  const items = after.slice(0, request.limit);
  return { items, nextCursor: after.length > request.limit ? items.at(-1)!.path : null, hiddenSeedFiles, truncated, workspaceFound: true };
}
