// Resolves a model-supplied path inside the task workspace. Absolute paths, `..` escapes and
// symlinks that lead outside are refused with a message the model can act on.
import fs from "node:fs/promises";
import path from "node:path";
import { isWithin } from "../../server/services/tasks/task-workspace";
import { ToolInputError } from "./tool-error";

/** The workspace's real path and the requested path's place in it (not resolved further: a symlink inside stays one). */
export interface WorkspacePath {
  realRoot: string;
  target: string;
}

export async function resolveInWorkspace(root: string, requested: string): Promise<WorkspacePath> {
  if (path.isAbsolute(requested)) throw new ToolInputError(`"${requested}" is absolute; use a path relative to the workspace.`);
  const realRoot = await fs.realpath(root);
  const target = path.resolve(realRoot, requested);
  if (!isWithin(realRoot, target)) throw new ToolInputError(`"${requested}" is outside the workspace.`);

  // The deepest existing ancestor decides where a symlink really points.
  let existing = target;
  while (!(await exists(existing))) existing = path.dirname(existing);
  // A dangling symlink has no real path; writing through it would create its target, wherever that is.
  const real = await fs.realpath(existing).catch(() => null);
  if (real === null || !isWithin(realRoot, real)) throw new ToolInputError(`"${requested}" leads outside the workspace through a symlink.`);
  return { realRoot, target };
}

/** The workspace-relative form of a path the model gave ("./a/../b.md" → "b.md"), after the same checks. */
export async function relativeInWorkspace(root: string, requested: string): Promise<string> {
  const { realRoot, target } = await resolveInWorkspace(root, requested);
  return path.relative(realRoot, target) || ".";
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
