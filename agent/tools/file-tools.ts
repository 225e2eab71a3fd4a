// list_files, read_file and write_file, confined to the task workspace.
import { constants } from "node:fs";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { ToolInputError } from "./tool-error";
import { isWithin } from "../../server/services/tasks/task-workspace";
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

/**
 * The files and folders under `dir`, already checked to be inside the workspace. Each folder is
 * opened, checked for where it really is, and listed through its descriptor, and its subfolders
 * are opened relative to it without following a symlink: a folder another subtask's command swaps
 * for a symlink out of the workspace meanwhile is never listed.
 */
export async function listFolder(realRoot: string, dir: string, requested: string): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  const walk = async (folder: FileHandle, relative: string): Promise<void> => {
    const at = `/proc/self/fd/${folder.fd}`;
    for (const child of (await fs.readdir(at, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entries.length >= MAX_LISTED) return;
      const childPath = path.join(relative, child.name);
      if (child.isDirectory()) {
        // Swapped for a symlink or a file since it was listed: left out.
        const sub = await fs.open(`${at}/${child.name}`, FOLDER | constants.O_NOFOLLOW).catch(() => null);
        if (!sub) continue;
        entries.push({ path: childPath, size: 0, type: "directory" });
        try {
          await walk(sub, childPath);
        } finally {
          await sub.close();
        }
      } else if (child.isFile()) {
        // lstat: a file swapped for a symlink meanwhile is not followed; one removed meanwhile is left out.
        const stat = await fs.lstat(`${at}/${child.name}`).catch(() => null);
        if (stat?.isFile()) entries.push({ path: childPath, size: stat.size, type: "file" });
      }
    }
  };
  const start = await openFolder(realRoot, dir, requested);
  try {
    await walk(start, path.relative(realRoot, dir));
  } finally {
    await start.close();
  }
  return entries;
}

const FOLDER = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NONBLOCK;

/** Opens the folder `dir` (it may be reached through a symlink that stays inside) and checks where the opened folder really is. */
async function openFolder(realRoot: string, dir: string, requested: string): Promise<FileHandle> {
  const folder = await fs.open(dir, FOLDER).catch(() => {
    throw new ToolInputError(`"${requested}" is not a directory in the workspace.`);
  });
  const real = await fs.readlink(`/proc/self/fd/${folder.fd}`).catch(() => null);
  if (real !== null && isWithin(realRoot, real)) return folder;
  await folder.close();
  throw new ToolInputError(`"${requested}" leads outside the workspace through a symlink.`);
}

/**
 * `mkdir -p` for `dir`, already checked to be inside the workspace, one folder at a time: each is
 * made inside its opened parent, then opened and checked for where it really is before the next.
 * A folder on the way that another subtask's command swaps for a symlink out of the workspace
 * meanwhile is refused before anything is made through it. A symlink that stays inside is fine.
 */
export async function makeFolders(realRoot: string, dir: string, requested: string): Promise<void> {
  let parent = await openFolder(realRoot, realRoot, requested);
  try {
    for (const name of path.relative(realRoot, dir).split(path.sep).filter(Boolean)) {
      const at = `/proc/self/fd/${parent.fd}/${name}`;
      await fs.mkdir(at).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
      const next = await openFolder(realRoot, at, requested).catch((error: unknown) => {
        throw error instanceof ToolInputError && /not a directory/.test(error.message) ? new ToolInputError(`"${requested}" needs a folder where a file is.`) : error;
      });
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
 * way for a symlink to elsewhere. The last component is never followed (O_NOFOLLOW), a FIFO does
 * not block (O_NONBLOCK), and the open file's real path (/proc/self/fd) must be inside `realRoot`;
 * a file this call created outside is removed again. Nothing is truncated before that check.
 */
export async function openInWorkspace(realRoot: string, target: string, flags: number, requested: string): Promise<{ handle: FileHandle; created: boolean }> {
  const refused = () => new ToolInputError(`"${requested}" leads outside the workspace through a symlink.`);
  // Checked before the open as well: opening is not free of effects (a device, an empty file created).
  if (!isWithin(realRoot, target)) throw refused();
  const safe = flags | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  let opened: { handle: FileHandle; created: boolean };
  try {
    opened = (flags & constants.O_CREAT) !== 0 ? await openCreating(target, safe) : { handle: await fs.open(target, safe), created: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw refused();
    if (code === "ENOENT") throw new ToolInputError(`"${requested}" is not a file in the workspace.`);
    throw error;
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
