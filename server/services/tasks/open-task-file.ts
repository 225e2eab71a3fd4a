// Opens one file of a task's workspace for download, confined to the workspace: `..`, absolute
// paths and symlinks that lead outside are refused, only regular files are served, and the
// opened descriptor is checked again so swapping a folder for a symlink mid-request gains nothing.
import { constants, type Stats } from "node:fs";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { ServiceError } from "../service-error";
import { isInside, workspaceDir, type WorkspaceConfig } from "./task-workspace";

export interface OpenedTaskFile {
  handle: FileHandle;
  name: string;
  stat: Stats;
}

const MAX_SEGMENTS = 64;
const MAX_PATH_LENGTH = 4096;

/** The workspace-relative path the URL's segments name, or a refusal saying what is wrong with it. */
export function relativeFilePath(segments: string[]): string {
  if (segments.length === 0) throw new ServiceError("BAD_REQUEST", "Name a file: /api/tasks/<id>/files/<path>.");
  if (segments.length > MAX_SEGMENTS) throw new ServiceError("BAD_REQUEST", `The path has more than ${MAX_SEGMENTS} parts.`);
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === "..") throw new ServiceError("BAD_REQUEST", `The path may not contain "${segment || "//"}"; name a file inside the workspace.`);
    if (/[/\\\0]/.test(segment)) throw new ServiceError("BAD_REQUEST", "A path part may not contain slashes, backslashes or NUL characters.");
  }
  const relative = segments.join("/");
  if (relative.length > MAX_PATH_LENGTH) throw new ServiceError("BAD_REQUEST", `The path is longer than ${MAX_PATH_LENGTH} characters.`);
  return relative;
}

export async function openTaskFile(config: WorkspaceConfig, taskId: string, segments: string[]): Promise<OpenedTaskFile> {
  const relative = relativeFilePath(segments);
  const missing = () => new ServiceError("NOT_FOUND", `The task's workspace has no file "${relative}".`);
  const dir = workspaceDir(config, taskId);
  const root = dir ? await fs.realpath(dir).catch(() => null) : null;
  if (!root) throw missing();
  const target = path.join(root, relative);
  if (!isInside(root, target)) throw new ServiceError("BAD_REQUEST", `"${relative}" is outside the workspace.`);
  const real = await fs.realpath(target).catch(() => null);
  if (!real) throw missing();
  if (!isInside(root, real)) throw new ServiceError("FORBIDDEN", `"${relative}" leads outside the workspace through a symlink.`);

  // O_NONBLOCK: a FIFO an agent left behind must not hang the request.
  const handle = await fs.open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => null);
  if (!handle) throw missing();
  try {
    const opened = await fs.readlink(`/proc/self/fd/${handle.fd}`).catch(() => real);
    if (!isInside(root, opened)) throw new ServiceError("FORBIDDEN", `"${relative}" leads outside the workspace through a symlink.`);
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new ServiceError("BAD_REQUEST", `"${relative}" is a folder; name a file in it.`);
    if (!stat.isFile()) throw missing();
    return { handle, name: path.basename(real), stat };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
