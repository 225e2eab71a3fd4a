// Each task has a workspace folder shared by its subtasks, started from a copy of the seed folder.
import fs from "node:fs/promises";
import path from "node:path";

export interface WorkspaceConfig {
  root: string;
  seed: string;
}

export async function ensureWorkspace(config: WorkspaceConfig, taskId: string): Promise<string> {
  const dir = path.join(config.root, taskId);
  const marker = path.join(config.root, `.${taskId}.ready`);
  if (await fs.stat(marker).then(() => true, () => false)) return dir;
  await fs.mkdir(dir, { recursive: true });
  if (await fs.stat(config.seed).then((s) => s.isDirectory(), () => false)) {
    await fs.cp(config.seed, dir, { recursive: true, force: false, errorOnExist: false });
  }
  await fs.writeFile(marker, "");
  return dir;
}
