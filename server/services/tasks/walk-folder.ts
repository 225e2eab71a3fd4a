// Walks a folder of a task workspace for the agents' list_files and the task page's file list.
// Agents' commands share the workspace and may swap a folder for a symlink out of it at any
// moment, so the walk never goes by path twice: each folder is opened, checked for where it
// really is (/proc/self/fd), and listed through its descriptor, and a subfolder is opened
// relative to its parent's descriptor without following a symlink.
import { constants, type Stats } from "node:fs";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { isWithin } from "./task-workspace";

/**
 * `at` reaches the entry through its folder's descriptor (/proc/self/fd/N/name): use it to read
 * the entry, not `path`, and only until the walk moves on, which closes the folder.
 */
export type FolderEntry = { path: string; at: string; depth: number } & ({ kind: "directory" } | { kind: "file"; stat: Stats });

/** Why the walk could not start: `dir` is not a folder, or it is one outside `realRoot`. */
export class FolderRefused extends Error {
  constructor(readonly reason: "not-a-folder" | "outside") {
    super(reason === "outside" ? "the folder leads outside the workspace through a symlink" : "not a folder");
  }
}

const FOLDER = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NONBLOCK;

/**
 * The folders and regular files under `dir` (which may be reached through a symlink that stays
 * inside `realRoot`), depth first, each folder's entries by name; paths are relative to
 * `realRoot` with "/" separators. Symlinks are neither listed nor followed, nor is anything
 * swapped for one meanwhile. Throws FolderRefused before the first entry if `dir` cannot be walked.
 */
export async function* walkFolder(realRoot: string, dir: string): AsyncGenerator<FolderEntry> {
  const start = await openFolder(realRoot, dir);
  try {
    yield* walk(start, path.relative(realRoot, dir).split(path.sep).filter(Boolean).join("/"), 0);
  } finally {
    await start.close();
  }
}

async function* walk(folder: FileHandle, prefix: string, depth: number): AsyncGenerator<FolderEntry> {
  const at = `/proc/self/fd/${folder.fd}`;
  const children = await fs.readdir(at, { withFileTypes: true }).catch(() => []);
  for (const child of children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const relative = prefix ? `${prefix}/${child.name}` : child.name;
    if (child.isDirectory()) {
      // Swapped for a symlink or a file since it was listed: left out.
      const sub = await fs.open(`${at}/${child.name}`, FOLDER | constants.O_NOFOLLOW).catch(() => null);
      if (!sub) continue;
      try {
        yield { path: relative, at: `${at}/${child.name}`, depth, kind: "directory" };
        yield* walk(sub, relative, depth + 1);
      } finally {
        await sub.close();
      }
    } else if (child.isFile()) {
      // lstat through the folder's descriptor: a file swapped for a symlink is not followed, one removed is left out.
      const stat = await fs.lstat(`${at}/${child.name}`).catch(() => null);
      if (stat?.isFile()) yield { path: relative, at: `${at}/${child.name}`, depth, kind: "file", stat };
    }
  }
}

/** Opens the folder at `dir` (following symlinks) and checks that the folder opened is inside `realRoot`. */
export async function openFolder(realRoot: string, dir: string): Promise<FileHandle> {
  const folder = await fs.open(dir, FOLDER).catch(() => {
    throw new FolderRefused("not-a-folder");
  });
  const real = await fs.readlink(`/proc/self/fd/${folder.fd}`).catch(() => null);
  if (real !== null && isWithin(realRoot, real)) return folder;
  await folder.close();
  throw new FolderRefused("outside");
}
