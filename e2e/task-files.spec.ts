// The task page's file list in Chromium against the real server: it pages with "Load more", and a
// change of the task while the next page loads refreshes the list without dropping that page.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createRedis } from "../server/create-redis";
import { createPrisma } from "../server/db/create-prisma";
import { createRealtimePublisher } from "../server/realtime/publisher";
import { redisKeys } from "../server/redis-keys";
import { holdNextPage } from "./support/hold-next-page";
import { OWNER_EMAIL } from "./support/sign-in";

const db = createPrisma(process.env.DATABASE_URL!, { max: 1 });
const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const publisher = createRealtimePublisher(redis, redisKeys(`${process.env.BATON_REDIS_PREFIX ?? "baton-test"}-e2e`).socketIoKey);
// The web server's workspaces (playwright.config.ts), relative to the project root like its own setting.
const WORKSPACES = path.resolve(".baton/test-workspaces/e2e");
const FILES = 60;
let taskId = "";
let subtaskId = "";

test.beforeAll(async () => {
  const owner = await db.user.findUniqueOrThrow({ where: { email: OWNER_EMAIL } });
  const task = await db.task.create({
    data: { title: `Many files ${Date.now()}`, prompt: "Write many notes.", status: "FAILED", statusReason: "One note failed.", createdById: owner.id, finishedAt: new Date() },
  });
  taskId = task.id;
  subtaskId = (await db.subtask.create({ data: { taskId, index: 0, title: "Write the notes", instructions: "Write them.", capabilities: ["code"], status: "FAILED" } })).id;
  const dir = path.join(WORKSPACES, taskId, "notes");
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) await writeFile(path.join(dir, `note-${String(i).padStart(2, "0")}.md`), `# Note ${i}\n`);
});

test.afterAll(async () => {
  await rm(path.join(WORKSPACES, taskId), { recursive: true, force: true });
  await redis.quit();
  await db.$disconnect();
});

test("a change of the task while the next page of files loads keeps that page", async ({ page }, testInfo) => {
  await page.goto(`/tasks/${taskId}`);
  const files = page.getByTestId("task-files");
  const rows = files.getByTestId("task-file-row");
  await expect(rows).toHaveCount(50);
  // The next page's answer is held back until the task's change has reached the page.
  const nextPage = await holdNextPage(page, "task.files");
  await files.getByRole("button", { name: "Load more" }).click();
  await nextPage.requested;
  await db.subtask.update({ where: { id: subtaskId }, data: { status: "SKIPPED" } });
  publisher.taskUpdate({ taskId, subtaskId, subtaskStatus: "SKIPPED" });
  // The page refetches the task at once for the first update; its new state would have refreshed
  // the file list then, cutting the page load short.
  await expect(page.getByTestId("graph-node").first()).toHaveAttribute("data-status", "SKIPPED");
  nextPage.release();
  await expect(rows).toHaveCount(FILES);
  await expect(files.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await expect(rows.last()).toContainText(`notes/note-${FILES - 1}.md`);
  await page.screenshot({ path: testInfo.outputPath("task-files-paged.png"), fullPage: true });
});
