import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FolderRefused, walkFolder, type FolderEntry } from "./walk-folder";

let base: string;
let root: string;
beforeAll(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "baton-walk-")));
  root = path.join(base, "ws");
  await fs.mkdir(path.join(root, "b", "deep"), { recursive: true });
  await fs.writeFile(path.join(root, "a.md"), "a");
  await fs.writeFile(path.join(root, "b", "deep", "c.md"), "ccc");
  await fs.writeFile(path.join(base, "secret.txt"), "secret");
  await fs.symlink(base, path.join(root, "out"));
  await fs.symlink(path.join(base, "secret.txt"), path.join(root, "secret.txt"));
  await fs.symlink(path.join(root, "b"), path.join(root, "b-link"));
});
afterAll(() => fs.rm(base, { recursive: true, force: true }));

async function all(dir: string): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  for await (const entry of walkFolder(root, dir)) entries.push(entry);
  return entries;
}

const openDescriptors = async () => (await fs.readdir("/proc/self/fd")).length;

describe("walkFolder", () => {
  it("lists folders and regular files depth first by name, never a symlink", async () => {
    const entries = await all(root);
    expect(entries.map((entry) => [entry.path, entry.kind, entry.depth])).toEqual([
      ["a.md", "file", 0],
      ["b", "directory", 0],
      ["b/deep", "directory", 1],
      ["b/deep/c.md", "file", 2],
    ]);
    expect(entries.find((entry) => entry.path === "b/deep/c.md")).toMatchObject({ stat: expect.objectContaining({ size: 3 }) });
  });

  it("starts through a symlink that stays inside, naming entries by the path asked for", async () => {
    expect((await all(path.join(root, "b-link"))).map((entry) => entry.path)).toEqual(["b-link/deep", "b-link/deep/c.md"]);
  });

  it("refuses to start in a folder that is outside, as one swapped for a symlink after the path check is", async () => {
    await expect(all(path.join(root, "out"))).rejects.toEqual(new FolderRefused("outside"));
    await expect(all(path.join(root, "a.md"))).rejects.toEqual(new FolderRefused("not-a-folder"));
  });

  it("does not follow a subfolder swapped for a symlink out of the workspace after its folder was read", async () => {
    const ws = path.join(base, "swap");
    await fs.mkdir(path.join(ws, "b"), { recursive: true });
    await fs.writeFile(path.join(ws, "a.md"), "a");
    await fs.writeFile(path.join(ws, "b", "inside.md"), "in");
    const seen: string[] = [];
    for await (const entry of walkFolder(ws, ws)) {
      seen.push(entry.path);
      // The walk has read the folder and is about to open "b": an agent's command swaps it now.
      if (entry.path === "a.md") {
        await fs.rm(path.join(ws, "b"), { recursive: true });
        await fs.symlink(base, path.join(ws, "b"));
      }
    }
    expect(seen).toEqual(["a.md"]);
  });

  it("closes every folder it opened, also when the caller stops early", async () => {
    const before = await openDescriptors();
    for await (const entry of walkFolder(root, root)) if (entry.path === "b/deep") break;
    await all(root);
    expect(await openDescriptors()).toBe(before);
  });
});
