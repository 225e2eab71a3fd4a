// The Tasks page in a real Chromium against real data: search, status filter and sort kept in
// the URL (reload and back button), cursor pagination, a task submitted elsewhere appearing and
// finishing without a reload, the phone layout, and "run again" prefilling the new-task form.
import { expect, test } from "@playwright/test";
import { createRedis } from "../server/create-redis";
import { createPrisma } from "../server/db/create-prisma";
import { createRealtimePublisher } from "../server/realtime/publisher";
import { redisKeys } from "../server/redis-keys";
import { holdNextPage } from "./support/hold-next-page";
import { OWNER_EMAIL } from "./support/sign-in";
import { TASK_PAGE_URL } from "./support/task-page-url";

const db = createPrisma(process.env.DATABASE_URL!, { max: 1 });
const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const publisher = createRealtimePublisher(redis, redisKeys(`${process.env.BATON_REDIS_PREFIX ?? "baton-test"}-e2e`).socketIoKey);
const TAG = `zebrafinch${Date.now().toString(36)}`;
const STATUSES = ["SUCCEEDED", "FAILED", "CANCELLED"] as const;
const COUNT = 30;
let costliestTitle = "";
let sourceId = "";

test.beforeAll(async () => {
  const owner = await db.user.findUniqueOrThrow({ where: { email: OWNER_EMAIL } });
  const now = Date.now();
  for (let i = 0; i < COUNT; i++) {
    const createdAt = new Date(now - (i + 1) * 60_000);
    const title = `${TAG} report ${String(i).padStart(2, "0")}`;
    const task = await db.task.create({
      data: {
        title,
        prompt: `Summarise the ${TAG} incidents, part ${i}.`,
        status: STATUSES[i % 3],
        createdById: owner.id,
        costMicros: (i * 7919) % 1_000_000,
        createdAt,
        startedAt: createdAt,
        finishedAt: new Date(createdAt.getTime() + (i + 1) * 1000),
      },
    });
    if (i === 0) sourceId = task.id;
  }
  const costliest = await db.task.findFirstOrThrow({ where: { title: { startsWith: TAG } }, orderBy: { costMicros: "desc" } });
  costliestTitle = costliest.title;
});
test.afterAll(async () => {
  await db.$disconnect();
  await redis.quit();
});

test("search, status filter, sort and pages live in the URL", async ({ page }, testInfo) => {
  await page.goto(`/tasks?q=${TAG}`);
  const rows = page.getByTestId("task-row");
  await expect(rows).toHaveCount(25);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(COUNT);
  await expect(page.getByRole("button", { name: "Load more" })).toBeHidden();
  await expect(rows.first()).toContainText(OWNER_EMAIL.split("@")[0]!);
  await page.screenshot({ path: testInfo.outputPath("tasks-desktop.png"), fullPage: true });

  await page.getByRole("group", { name: "Status" }).getByRole("button", { name: "Failed" }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  await expect(rows).toHaveCount(COUNT / 3);
  await expect(page.locator('[data-testid="task-row"]:not([data-status="FAILED"])')).toHaveCount(0);

  await page.getByRole("group", { name: "Status" }).getByRole("button", { name: "Cancelled" }).click();
  await expect(page).toHaveURL(/status=FAILED%2CCANCELLED/);
  await expect(rows).toHaveCount((2 * COUNT) / 3);

  await page.goBack();
  await expect(page).toHaveURL(/status=FAILED(&|$)/);
  await expect(rows).toHaveCount(COUNT / 3);
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByLabel("Search title and prompt")).toHaveValue(TAG);

  await page.getByLabel("Sort").selectOption("costliest");
  await expect(page).toHaveURL(/sort=costliest/);
  await expect(rows.first()).toContainText(costliestTitle);
  // A shared link opens the same view.
  await page.reload();
  await expect(page.getByLabel("Sort")).toHaveValue("costliest");
  await expect(rows.first()).toContainText(costliestTitle);

  await page.getByLabel("Search title and prompt").fill(`${TAG} -report`);
  await page.getByLabel("Search title and prompt").press("Enter");
  await expect(page.getByText("No tasks match")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(rows.first()).toBeVisible();
});

test("a live update while the next page loads keeps that page", async ({ page }) => {
  await page.goto(`/tasks?q=${TAG}`);
  const rows = page.getByTestId("task-row");
  await expect(rows).toHaveCount(25);
  // The next page's answer is held back until a task update has reached the page.
  const nextPage = await holdNextPage(page, "task.list");
  await page.getByRole("button", { name: "Load more" }).click();
  await nextPage.requested;
  publisher.taskUpdate({ taskId: sourceId, status: "SUCCEEDED" });
  // The update's refresh (throttled, at once for the first event) would have cut the page load short.
  await page.waitForTimeout(500);
  nextPage.release();
  await expect(rows).toHaveCount(COUNT);
  await expect(page.getByRole("button", { name: "Load more" })).toBeHidden();
});

test("a task submitted elsewhere appears and finishes without a reload", async ({ page, context }) => {
  const title = `Live arrival ${Date.now()}`;
  await page.goto(`/tasks?q=${encodeURIComponent(`"${title}"`)}`);
  await expect(page.getByText("No tasks match")).toBeVisible();

  const other = await context.newPage();
  await other.goto("/tasks/new");
  await other.getByLabel("What should the agents do?").fill("Summarise the two largest files in the workspace, then write a combined report");
  await other.getByLabel("Title").fill(title);
  await other.getByRole("button", { name: "Submit task" }).click();
  await other.waitForURL(TASK_PAGE_URL);

  const row = page.getByTestId("task-row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 45_000 });
  await expect(row).toContainText(/\d+\/\d+/);
  await other.close();
});

test("on a phone the list is stacked cards and the filters wrap", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/tasks?q=${TAG}&status=SUCCEEDED`);
  await expect(page.getByTestId("task-card")).toHaveCount(COUNT / 3);
  await expect(page.getByTestId("task-row").first()).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("tasks-phone.png"), fullPage: true });
});

test("run again: /tasks/new?from= prefills the form from an earlier task", async ({ page }, testInfo) => {
  await page.goto(`/tasks/new?from=${sourceId}`);
  await expect(page.getByRole("heading", { name: "Run a task again" })).toBeVisible();
  await expect(page.getByLabel("What should the agents do?")).toHaveValue(`Summarise the ${TAG} incidents, part 0.`);
  await expect(page.getByLabel("Title")).toHaveValue(`${TAG} report 00`);
  await page.screenshot({ path: testInfo.outputPath("task-new-prefilled.png"), fullPage: true });

  await page.goto("/tasks/new?from=no-such-task");
  await expect(page.getByText('No task with id "no-such-task"')).toBeVisible();
  await expect(page.getByLabel("What should the agents do?")).toHaveValue("");
});
