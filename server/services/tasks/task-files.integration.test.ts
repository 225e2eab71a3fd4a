// A task's workspace files over the real API and download handler, against real folders on
// disk: the list leaves out unchanged seed files and symlinks and pages by path; a download is
// an attachment of the file's bytes, and every way out of the workspace (`..`, absolute paths,
// symlinked files and folders) is refused.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWorkspace } from "../../../agent/worker/workspace";
import { handleTaskFileRequest } from "../../api/task-file-download";
import { callApi, TEST_ORIGIN } from "../../testing/call-api";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { apiTokenFor, createUser, sessionCookieFor } from "../../testing/test-users";
import type { TaskFilesPage } from "./list-task-files";

const deps = createTestDeps("files");
let cookie = "";
let viewerToken = "";
let taskId = "";
let outside = "";

beforeAll(async () => {
  await resetData(deps);
  const viewer = await createUser(deps.db, "VIEWER");
  cookie = await sessionCookieFor(deps.db, viewer);
  viewerToken = await apiTokenFor(deps.db, viewer, "READ");
  taskId = (await deps.db.task.create({ data: { title: "Files", prompt: "p", status: "SUCCEEDED" } })).id;

  const dir = await ensureWorkspace(deps.workspaces, taskId);
  await fs.writeFile(path.join(dir, "report.md"), "# Report\n\nAll good.\n");
  await fs.mkdir(path.join(dir, "out", "deep"), { recursive: true });
  await fs.writeFile(path.join(dir, "out", "deep", "data.json"), '{"ok":true}\n');
  await fs.writeFile(path.join(dir, "out", "naïve name.txt"), "unicode\n");
  await fs.appendFile(path.join(dir, "docs", "runbook.md"), "\nChanged by an agent.\n");
  // Ways out: a symlinked file, a symlinked folder, both pointing at a secret outside.
  outside = await fs.mkdtemp(path.join(os.tmpdir(), "baton-outside-"));
  await fs.writeFile(path.join(outside, "secret.txt"), "not yours\n");
  await fs.symlink(path.join(outside, "secret.txt"), path.join(dir, "escape.txt"));
  await fs.symlink(outside, path.join(dir, "elsewhere"));
});
afterAll(async () => {
  await fs.rm(path.join(deps.workspaces.root), { recursive: true, force: true });
  await fs.rm(outside, { recursive: true, force: true });
  await deps.close();
});

const list = (input: Record<string, unknown>) => callApi<TaskFilesPage>(deps, "task.files", { id: taskId, ...input }, { cookie });
const download = (segments: string[], headers: Record<string, string> = { cookie }, id = taskId) =>
  handleTaskFileRequest(new Request(`${TEST_ORIGIN}/api/tasks/${id}/files/${segments.join("/")}`, { headers }), { deps, taskId: id, segments });

describe("the file list", () => {
  it("shows what the agents wrote or changed, sorted by path, without unchanged seed files or symlinks", async () => {
    const response = await list({});
    expect(response.status).toBe(200);
    const page = response.data!;
    expect(page.items.map((f) => f.path)).toEqual(["docs/runbook.md", "out/deep/data.json", "out/naïve name.txt", "report.md"]);
    expect(page.items.find((f) => f.path === "report.md")?.size).toBe(Buffer.byteLength("# Report\n\nAll good.\n"));
    expect(page.hiddenSeedFiles).toBe(5);
    expect(page).toMatchObject({ truncated: false, workspaceFound: true, nextCursor: null });
  });

  it("pages by path", async () => {
    const first = (await list({ limit: 3 })).data!;
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe("out/naïve name.txt");
    const second = (await list({ limit: 3, cursor: first.nextCursor })).data!;
    expect(second.items.map((f) => f.path)).toEqual(["report.md"]);
    expect(second.nextCursor).toBeNull();
  });

  it("says when this host has no workspace for the task", async () => {
    const other = await deps.db.task.create({ data: { title: "No files", prompt: "p" } });
    const response = await callApi<TaskFilesPage>(deps, "task.files", { id: other.id }, { cookie });
    expect(response.data).toMatchObject({ items: [], workspaceFound: false });
  });
});

describe("downloading a file", () => {
  it("answers with the bytes as an attachment of the right type, never cached", async () => {
    const response = await download(["report.md"]);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("# Report\n\nAll good.\n");
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="report.md"; filename*=UTF-8''report.md`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves nested files, names with spaces and non-ASCII letters, and API tokens", async () => {
    const nested = await download(["out", "deep", "data.json"], { authorization: `Bearer ${viewerToken}` });
    expect(nested.status).toBe(200);
    expect(nested.headers.get("content-type")).toBe("application/json");
    const unicode = await download(["out", "naïve name.txt"]);
    expect(await unicode.text()).toBe("unicode\n");
    expect(unicode.headers.get("content-disposition")).toBe(`attachment; filename="na_ve name.txt"; filename*=UTF-8''na%C3%AFve%20name.txt`);
  });

  const refused: [string, string[], number, RegExp][] = [
    ["a parent-folder step", ["..", "..", "package.json"], 400, /may not contain ".."/],
    ["a step back inside the path", ["out", "..", "report.md"], 400, /may not contain ".."/],
    ["an absolute path in one part", ["/etc/passwd"], 400, /slashes/],
    ["a backslash", ["out\\deep"], 400, /backslashes/],
    ["an empty part", ["out", "", "report.md"], 400, /may not contain/],
    ["a symlink to a file outside", ["escape.txt"], 403, /leads outside the workspace through a symlink/],
    ["a file through a symlinked folder", ["elsewhere", "secret.txt"], 403, /leads outside the workspace through a symlink/],
    ["a folder", ["out"], 400, /is a folder/],
    ["a missing file", ["nothing-here.md"], 404, /has no file "nothing-here.md"/],
  ];
  it.each(refused)("refuses %s", async (_, segments, status, message) => {
    const response = await download(segments);
    expect(response.status).toBe(status);
    const body = await response.text();
    expect(body).toMatch(message);
    expect(body).not.toContain("not yours");
  });

  it("needs a signed-in person and a task that exists", async () => {
    expect((await download(["report.md"], {})).status).toBe(401);
    expect((await download(["report.md"], { authorization: "Bearer baton_wrong" })).status).toBe(401);
    const missing = await download(["report.md"], { cookie }, "no-such-task");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/No task with id "no-such-task"/);
  });
});
