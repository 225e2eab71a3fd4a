// Each task has a workspace folder shared by its subtasks, started from a copy of the seed folder.
import fs from "node:fs/promises";
import path from "node:path";

export interface WorkspaceConfig {
  root: string;
  seed: string;
}

export async function ensureWorkspace(config: WorkspaceConfig, taskId: string): Promise<string> {
  // Absolute, because the sandbox binds it by path and a relative BATON_WORKSPACES would not resolve there.
  const root = path.resolve(config.root);
  const dir = path.join(root, taskId);
  const marker = path.join(root, `.${taskId}.ready`);
  if (await fs.stat(marker).then(() => true, () => false)) return dir;
  await fs.mkdir(dir, { recursive: true });
  if (await fs.stat(config.seed).then((s) => s.isDirectory(), () => false)) {
    await fs.cp(config.seed, dir, { recursive: true, force: false, errorOnExist: false });
  }
  await fs.writeFile(marker, "");
  return dir;
}
