// Workspace tool calls whose file operation fails on the workspace's own state come back to the
// model as tool errors (the run goes on), naming paths relative to the workspace.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { executeWorkspaceTool, type WorkspaceToolContext } from "./execute-workspace-tool";

let ctx: WorkspaceToolContext;
beforeAll(async () => {
  const workspace = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "baton-tool-")));
  await fs.mkdir(path.join(workspace, "docs"));
  await fs.writeFile(path.join(workspace, "docs", "a.md"), "# A\n");
  ctx = {
    workspace,
    allowedTools: ["read_file", "write_file", "list_files", "read_messages"],
    commandTimeoutSeconds: 5,
    commandSandbox: null,
    // File tools never reach coordination; a call that did would throw here.
    coordination: { state: undefined as never, taskId: "t", from: "test" },
    signal: new AbortController().signal,
  };
});

describe("executeWorkspaceTool", () => {
  it.each([
    ["a directory where a file is to be written", { path: "docs", content: "x" }, /^write_file failed: EISDIR: illegal operation on a directory, open 'docs'$/],
    ["a file where a directory is needed", { path: "docs/a.md/x.md", content: "x" }, /^"docs\/a.md\/x.md" needs a folder where a file is\.$/],
    ["a folder name longer than the file system allows", { path: `${"n".repeat(300)}/x.md`, content: "x" }, /^Could not make the folder "n{300}": ENAMETOOLONG\.$/],
    ["a name longer than the file system allows", { path: `${"n".repeat(300)}.md`, content: "x" }, /^write_file failed: ENAMETOOLONG/],
  ])("returns a tool error for %s", async (_, input, message) => {
    const outcome = await executeWorkspaceTool(ctx, "write_file", input);
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(message);
    expect(outcome.content).not.toContain(ctx.workspace);
  });

  it("refuses a message id that is not one, before it reaches Redis", async () => {
    const outcome = await executeWorkspaceTool(ctx, "read_messages", { after: "latest" });
    expect(outcome).toMatchObject({ isError: true, content: expect.stringContaining("a message id, such as 1764590000000-0") });
  });
});
