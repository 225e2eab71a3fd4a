// The seed comparison behind the task's file list reads what an agent may have swapped since the
// listing: a FIFO or a link to an endless device must neither hang nor exhaust the web process.
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isUnchangedSeedFile } from "./task-workspace";

let seed: string;
let workspace: string;
const sizes = new Map([["notes.md", 5]]);

beforeAll(async () => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), "baton-seed-"));
  [seed, workspace] = [path.join(base, "seed"), path.join(base, "ws")];
  await fs.mkdir(seed);
  await fs.mkdir(workspace);
  await fs.writeFile(path.join(seed, "notes.md"), "hello");
});

describe("isUnchangedSeedFile", () => {
  it("tells an unchanged copy from a changed one", async () => {
    const copy = path.join(workspace, "notes.md");
    await fs.writeFile(copy, "hello");
    expect(await isUnchangedSeedFile(seed, "notes.md", copy, 5, sizes)).toBe(true);
    await fs.writeFile(copy, "HELLO");
    expect(await isUnchangedSeedFile(seed, "notes.md", copy, 5, sizes)).toBe(false);
  });

  it("answers at once for a file swapped for a FIFO or a link to /dev/zero since it was listed", async () => {
    const fifo = path.join(workspace, "fifo.md");
    execFileSync("mkfifo", [fifo]);
    const endless = path.join(workspace, "zero.md");
    await fs.symlink("/dev/zero", endless);
    expect(await isUnchangedSeedFile(seed, "notes.md", fifo, 5, sizes)).toBe(false);
    expect(await isUnchangedSeedFile(seed, "notes.md", endless, 5, sizes)).toBe(false);
  });
});
