// The overview at / over real task runs: lists and numbers fill in, a task that starts while
// the page is open appears without a reload, and each number opens the page behind it; a skip
// link leads keyboard users past the navigation.
import { expect, test, type Page } from "@playwright/test";

type Json<T> = { result: { data: { json: T } } };

async function createTask(page: Page, baseURL: string, title: string, prompt: string): Promise<string> {
  const created = await page.request.post("/api/trpc/task.create", { data: { json: { title, prompt } }, headers: { origin: baseURL } });
  expect(created.status()).toBe(200);
  return ((await created.json()) as Json<{ id: string }>).result.data.json.id;
}

async function statusOf(page: Page, id: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ json: { id } }));
  return ((await (await page.request.get(`/api/trpc/task.byId?input=${input}`)).json()) as Json<{ status: string }>).result.data.json.status;
}

test("the overview shows finished and running work live, and links every number", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000); // two real task runs
  const done = await createTask(page, baseURL!, "Overview: a finished report", "Summarise the two largest files in the workspace, then write a combined report");
  await expect.poll(() => statusOf(page, done), { timeout: 60_000 }).toBe("SUCCEEDED");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("overview-recent").getByTestId("overview-task").filter({ hasText: "Overview: a finished report" })).toBeVisible();
  await expect(page.getByTestId("stat-finished")).toContainText(/Finished, 24 h\s*[1-9]/);
  await expect(page.getByTestId("stat-spend")).toContainText(/\$0\.\d*[1-9]/);
  await expect(page.getByTestId("overview-fleet").getByTestId("queue-row").filter({ hasText: "generalist" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Live agents by state" })).toBeVisible({ timeout: 20_000 });

  // A task started now shows up as running without a reload.
  const slow = await createTask(page, baseURL!, "Overview: a slow chain", "Run it as a chain [sim:cmd=sleep 45]");
  const running = page.getByTestId("overview-running").getByTestId("overview-task").filter({ hasText: "Overview: a slow chain" });
  await expect(running).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("stat-running")).toContainText(/Running\s*[1-9]/);
  await page.screenshot({ path: testInfo.outputPath("overview.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("overview-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  const cancelled = await page.request.post("/api/trpc/task.cancel", { data: { json: { id: slow } }, headers: { origin: baseURL! } });
  expect(cancelled.status()).toBe(200);
  await expect(running).toBeHidden();

  // Each number opens the page behind it.
  await page.getByTestId("stat-spend").click();
  await expect(page).toHaveURL(/\/analytics\?range=24h$/);
  await page.goBack();
  await page.getByTestId("stat-running").click();
  await expect(page).toHaveURL(/\/tasks\?status=RUNNING(,|%2C)FINALIZING$/);
  await page.goBack();
  await page.getByRole("link", { name: "New task" }).click();
  await expect(page).toHaveURL(/\/tasks\/new$/);
});

test("the first Tab offers a way past the navigation to the page itself", async ({ page }, testInfo) => {
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath("skip-link.png") });
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // The next Tab lands inside the page, not in the header's navigation.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});
