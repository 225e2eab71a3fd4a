import { execFileSync } from "node:child_process";
import { constants } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles, listFolder, makeFolders, openInWorkspace, readFile, writeFile } from "./file-tools";
import { ToolInputError } from "./tool-error";

let root: string;
beforeAll(async () => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), "baton-files-"));
  root = path.join(base, "ws");
  await fs.mkdir(path.join(root, "docs"), { recursive: true });
  await fs.writeFile(path.join(root, "docs", "a.md"), "# A\n");
  await fs.writeFile(path.join(base, "secret.txt"), "secret");
  await fs.symlink(path.join(base, "secret.txt"), path.join(root, "link.txt"));
  await fs.symlink(base, path.join(root, "escape"));
  await fs.symlink("/etc", path.join(root, "etc"));
  await fs.symlink(path.join(base, "created-outside.txt"), path.join(root, "dangling"));
});
afterAll(() => fs.rm(path.dirname(root), { recursive: true, force: true }));

describe("workspace file tools", () => {
  it("lists, reads and writes inside the workspace", async () => {
    expect(await writeFile(root, "out/report.md", "hello")).toBe("wrote 5 bytes to out/report.md");
    expect(await readFile(root, "out/report.md")).toBe("hello");
    const files = await listFiles(root);
    expect(files).toContainEqual({ path: "docs/a.md", size: 4, type: "file" });
    expect(files).toContainEqual({ path: "out/report.md", size: 5, type: "file" });
  });

  it.each([
    ["../secret.txt", /outside the workspace/],
    ["/etc/passwd", /absolute/],
    ["link.txt", /through a symlink/],
    ["escape/secret.txt", /through a symlink/],
    ["docs/../../secret.txt", /outside the workspace/],
    ["etc/passwd", /through a symlink/],
    ["dangling", /through a symlink/],
    ["/tmp/../etc/hosts", /absolute/],
  ])("refuses %s", async (target, message) => {
    await expect(readFile(root, target)).rejects.toThrow(ToolInputError);
    await expect(readFile(root, target)).rejects.toThrow(message);
    await expect(writeFile(root, target, "x")).rejects.toThrow(message);
    await expect(listFiles(root, target)).rejects.toThrow(ToolInputError);
  });

  it("never creates a file outside through a dangling symlink", async () => {
    await expect(writeFile(root, "dangling", "x")).rejects.toThrow(ToolInputError);
    await expect(fs.stat(path.join(path.dirname(root), "created-outside.txt"))).rejects.toThrow(/ENOENT/);
  });

  it("takes a name that merely starts with two dots as the file inside it is", async () => {
    expect(await writeFile(root, "..notes.md", "dots")).toBe("wrote 4 bytes to ..notes.md");
    expect(await readFile(root, "..notes.md")).toBe("dots");
  });

  it("says when a file does not exist", async () => {
    await expect(readFile(root, "missing.md")).rejects.toThrow(/not a file in the workspace/);
  });

  it("reads and overwrites through a symlink that stays inside the workspace", async () => {
    await fs.writeFile(path.join(root, "v2.md"), "two");
    await fs.symlink("v2.md", path.join(root, "latest.md"));
    expect(await readFile(root, "latest.md")).toBe("two");
    await writeFile(root, "latest.md", "2");
    expect(await readFile(root, "v2.md")).toBe("2");
    expect((await fs.lstat(path.join(root, "latest.md"))).isSymbolicLink()).toBe(true);
  });

  it("neither hangs on a FIFO nor treats it as a file", async () => {
    execFileSync("mkfifo", [path.join(root, "pipe")]);
    await expect(readFile(root, "pipe")).rejects.toThrow(/not a file in the workspace/);
    await expect(writeFile(root, "pipe", "x")).rejects.toThrow(/ENXIO|not a file/);
  });
});

// What another subtask's command can do between the path check and the open: swap a directory on
// the way for a symlink out of the workspace. openInWorkspace() is handed such a path, as if the
// check had passed just before the swap.
describe("a directory swapped for a symlink after the check", () => {
  it("is caught when the file is opened: nothing outside is read, written or left behind", async () => {
    const realRoot = await fs.realpath(root);
    const outside = path.dirname(realRoot);
    const swapped = path.join(realRoot, "escape");
    await expect(openInWorkspace(realRoot, path.join(swapped, "secret.txt"), constants.O_RDONLY, "escape/secret.txt")).rejects.toThrow(/through a symlink/);
    await expect(openInWorkspace(realRoot, path.join(swapped, "new.txt"), constants.O_WRONLY | constants.O_CREAT, "escape/new.txt")).rejects.toThrow(/through a symlink/);
    await expect(fs.stat(path.join(outside, "new.txt"))).rejects.toThrow(/ENOENT/);
    await expect(openInWorkspace(realRoot, path.join(swapped, "secret.txt"), constants.O_WRONLY | constants.O_CREAT, "escape/secret.txt")).rejects.toThrow(/through a symlink/);
    expect(await fs.readFile(path.join(outside, "secret.txt"), "utf8")).toBe("secret");
  });

  it("is caught before write_file makes a folder through it, and before list_files lists it", async () => {
    const realRoot = await fs.realpath(root);
    const outside = path.dirname(realRoot);
    await expect(makeFolders(realRoot, path.join(realRoot, "escape", "made", "deep"), "escape/made/deep/x.md")).rejects.toThrow(/through a symlink/);
    await expect(fs.stat(path.join(outside, "made"))).rejects.toThrow(/ENOENT/);
    await expect(listFolder(realRoot, path.join(realRoot, "escape"), "escape")).rejects.toThrow(/through a symlink/);
    await expect(listFolder(realRoot, path.join(realRoot, "etc"), "etc")).rejects.toThrow(/through a symlink/);
  });

  it("still makes folders through a symlink that stays inside, and says when a file is in the way", async () => {
    const realRoot = await fs.realpath(root);
    await fs.symlink(path.join(realRoot, "docs"), path.join(realRoot, "docs-link"));
    await makeFolders(realRoot, path.join(realRoot, "docs-link", "made", "deep"), "docs-link/made/deep/x.md");
    expect((await fs.stat(path.join(realRoot, "docs", "made", "deep"))).isDirectory()).toBe(true);
    await expect(writeFile(root, "docs/a.md/x.md", "x")).rejects.toThrow('"docs/a.md/x.md" needs a folder where a file is.');
    expect(await fs.readFile(path.join(realRoot, "docs", "a.md"), "utf8")).toBe("# A\n");
    await fs.rm(path.join(realRoot, "docs", "made"), { recursive: true });
    await fs.unlink(path.join(realRoot, "docs-link"));
  });
});
