// Resolves a model-supplied path inside the task workspace. Absolute paths, `..` escapes and
// symlinks that lead outside are refused with a message the model can act on.
import fs from "node:fs/promises";
import path from "node:path";
import { ToolInputError } from "./tool-error";

export async function resolveInWorkspace(root: string, requested: string): Promise<string> {
  if (path.isAbsolute(requested)) throw new ToolInputError(`"${requested}" is absolute; use a path relative to the workspace.`);
  const realRoot = await fs.realpath(root);
  const target = path.resolve(realRoot, requested);
  if (!isInside(realRoot, target)) throw new ToolInputError(`"${requested}" is outside the workspace.`);

  // The deepest existing ancestor decides where a symlink really points.
  let existing = target;
  while (!(await exists(existing))) existing = path.dirname(existing);
  const real = await fs.realpath(existing);
  if (!isInside(realRoot, real)) throw new ToolInputError(`"${requested}" leads outside the workspace through a symlink.`);
  return target;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
