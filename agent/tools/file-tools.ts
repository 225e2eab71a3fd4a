// list_files, read_file and write_file, confined to the task workspace.
import fs from "node:fs/promises";
import path from "node:path";
import { ToolInputError } from "./tool-error";
import { resolveInWorkspace } from "./workspace-path";

const MAX_READ_BYTES = 200_000;
const MAX_LISTED = 500;

export interface FileEntry {
  path: string;
  size: number;
  type: "file" | "directory";
}

export async function listFiles(root: string, requested = "."): Promise<FileEntry[]> {
  const start = await resolveInWorkspace(root, requested);
  const realRoot = await fs.realpath(root);
  const entries: FileEntry[] = [];
  const walk = async (dir: string): Promise<void> => {
    const children = await fs.readdir(dir, { withFileTypes: true }).catch(() => {
      throw new ToolInputError(`"${requested}" is not a directory in the workspace.`);
    });
    for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entries.length >= MAX_LISTED) return;
      const full = path.join(dir, child.name);
      const relative = path.relative(realRoot, full);
      if (child.isDirectory()) {
        entries.push({ path: relative, size: 0, type: "directory" });
        await walk(full);
      } else if (child.isFile()) {
        entries.push({ path: relative, size: (await fs.stat(full)).size, type: "file" });
      }
    }
  };
  await walk(start);
  return entries;
}

export async function readFile(root: string, requested: string): Promise<string> {
  const file = await resolveInWorkspace(root, requested);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new ToolInputError(`"${requested}" is not a file in the workspace.`);
  const handle = await fs.open(file);
  try {
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_READ_BYTES));
    await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.toString("utf8");
    return stat.size > MAX_READ_BYTES ? `${text}\n…[truncated: ${stat.size} bytes, first ${MAX_READ_BYTES} shown]` : text;
  } finally {
    await handle.close();
  }
}

export async function writeFile(root: string, requested: string, content: string): Promise<string> {
  const file = await resolveInWorkspace(root, requested);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return `wrote ${Buffer.byteLength(content)} bytes to ${requested}`;
}
