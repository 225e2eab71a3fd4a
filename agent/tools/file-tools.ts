// list_files, read_file and write_file, confined to the task workspace.
import { constants } from "node:fs";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { ToolInputError } from "./tool-error";
import { isInside, isWithin } from "../../server/services/tasks/task-workspace";
import { FolderRefused, openFolder, walkFolder } from "../../server/services/tasks/walk-folder";
import { resolveInWorkspace } from "./workspace-path";

const MAX_READ_BYTES = 200_000;
const MAX_LISTED = 500;

export interface FileEntry {
  path: string;
  size: number;
  type: "file" | "directory";
}

export async function listFiles(root: string, requested = "."): Promise<FileEntry[]> {
  const { realRoot, target } = await resolveInWorkspace(root, requested);
  return listFolder(realRoot, target, requested);
}

/** The files and folders under `dir`, already checked to be inside the workspace, never through a folder swapped for a symlink (walk-folder.ts). */
export async function listFolder(realRoot: string, dir: string, requested: string): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  try {
    for await (const entry of walkFolder(realRoot, dir)) {
      if (entries.length >= MAX_LISTED) break;
      entries.push(entry.kind === "file" ? { path: entry.path, size: entry.stat.size, type: "file" } : { path: entry.path, size: 0, type: "directory" });
    }
  } catch (error) {
    throw folderError(error, requested);
  }
  return entries;
}

function folderError(error: unknown, requested: string): unknown {
  if (!(error instanceof FolderRefused)) return error;
  return new ToolInputError(error.reason === "outside" ? `"${requested}" leads outside the workspace through a symlink.` : `"${requested}" is not a directory in the workspace.`);
}

/**
 * `mkdir -p` for `dir`, already checked to be inside the workspace, one folder at a time: each is
 * made inside its opened parent, then opened and checked for where it really is before the next.
 * A folder on the way that another subtask's command swaps for a symlink out of the workspace
 * meanwhile is refused before anything is made through it. A symlink that stays inside is fine.
 */
export async function makeFolders(realRoot: string, dir: string, requested: string): Promise<void> {
  const open = (at: string) =>
    openFolder(realRoot, at).catch((error: unknown) => {
      throw error instanceof FolderRefused && error.reason === "not-a-folder" ? new ToolInputError(`"${requested}" needs a folder where a file is.`) : folderError(error, requested);
    });
  let parent = await open(realRoot);
  let made = "";
  try {
    for (const name of path.relative(realRoot, dir).split(path.sep).filter(Boolean)) {
      const at = `/proc/self/fd/${parent.fd}/${name}`;
      made = made ? `${made}/${name}` : name;
      await fs.mkdir(at).catch((error: NodeJS.ErrnoException) => {
        // Named by the workspace path: the descriptor's path would mean nothing to the model.
        if (error.code !== "EEXIST") throw new ToolInputError(`Could not make the folder "${made}": ${error.code ?? error.message}.`);
      });
      const next = await open(at);
      await parent.close();
      parent = next;
    }
  } finally {
    await parent.close();
  }
}

export async function readFile(root: string, requested: string): Promise<string> {
  const { realRoot, target: file } = await resolveInWorkspace(root, requested);
  const real = await fs.realpath(file).catch(() => null);
  if (!real) throw new ToolInputError(`"${requested}" is not a file in the workspace.`);
  const { handle } = await openInWorkspace(realRoot, real, constants.O_RDONLY, requested);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ToolInputError(`"${requested}" is not a file in the workspace.`);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_READ_BYTES));
    await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.toString("utf8");
    return stat.size > MAX_READ_BYTES ? `${text}\n…[truncated: ${stat.size} bytes, first ${MAX_READ_BYTES} shown]` : text;
  } finally {
    await handle.close();
  }
}

export async function writeFile(root: string, requested: string, content: string): Promise<string> {
  const { realRoot, target: file } = await resolveInWorkspace(root, requested);
  await makeFolders(realRoot, path.dirname(file), requested);
  // An existing file is written where it really is (through a symlink that stays inside, checked above); a new one beside its real folder.
  const target = (await fs.realpath(file).catch(() => null)) ?? path.join(await fs.realpath(path.dirname(file)), path.basename(file));
  const { handle } = await openInWorkspace(realRoot, target, constants.O_WRONLY | constants.O_CREAT, requested);
  try {
    if (!(await handle.stat()).isFile()) throw new ToolInputError(`"${requested}" is not a file in the workspace.`);
    await handle.truncate(0);
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return `wrote ${Buffer.byteLength(content)} bytes to ${requested}`;
}

/**
 * Opens `target`, already checked to be inside the workspace, and checks again what was opened:
 * between the check and the open, another subtask's command may have swapped a directory on the
 * way for a symlink to elsewhere. The folder is opened first and checked for where it really is
 * (walk-folder.ts), and the file is opened through the folder's descriptor, so nothing outside is
 * ever opened (opening is not free of effects: a device, an empty file created). The last
 * component is never followed (O_NOFOLLOW), a FIFO does not block (O_NONBLOCK), and the open
 * file's real path (/proc/self/fd) must be inside `realRoot` too. Nothing is truncated before that.
 */
export async function openInWorkspace(realRoot: string, target: string, flags: number, requested: string): Promise<{ handle: FileHandle; created: boolean }> {
  const refused = () => new ToolInputError(`"${requested}" leads outside the workspace through a symlink.`);
  const missing = () => new ToolInputError(`"${requested}" is not a file in the workspace.`);
  if (!isInside(realRoot, target)) throw refused();
  const folder = await openFolder(realRoot, path.dirname(target)).catch((error: unknown) => {
    throw error instanceof FolderRefused ? (error.reason === "outside" ? refused() : missing()) : error;
  });
  const safe = flags | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const at = `/proc/self/fd/${folder.fd}/${path.basename(target)}`;
  let opened: { handle: FileHandle; created: boolean };
  try {
    opened = (flags & constants.O_CREAT) !== 0 ? await openCreating(at, safe) : { handle: await fs.open(at, safe), created: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw refused();
    if (code === "ENOENT") throw missing();
    // Named by its place in the workspace: the descriptor's path would mean nothing to the model.
    if (error instanceof Error) error.message = error.message.replace(at, target);
    throw error;
  } finally {
    await folder.close();
  }
  const real = await fs.readlink(`/proc/self/fd/${opened.handle.fd}`).catch(() => null);
  if (real !== null && isWithin(realRoot, real)) return opened;
  await opened.handle.close();
  if (opened.created && real !== null) await fs.unlink(real).catch(() => {});
  throw refused();
}

/** Creates the file if it is new (and says so), or opens the existing one; never truncates. */
async function openCreating(target: string, flags: number): Promise<{ handle: FileHandle; created: boolean }> {
  try {
    return { handle: await fs.open(target, flags | constants.O_EXCL, 0o644), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { handle: await fs.open(target, flags & ~constants.O_CREAT), created: false };
  }
}
