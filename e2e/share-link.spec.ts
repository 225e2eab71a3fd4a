// Share links end to end: a signed-in member shares a finished task, a browser without any
// session reads it (and nothing more), and the page is gone as soon as the link is revoked.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { TASK_PAGE_URL } from "./support/task-page-url";

test("a share link shows the task to anyone who has it, until it is revoked", async ({ page, browser }, testInfo) => {
  const title = `Shared survey ${Date.now()}`;
  await signIn(page, "owner@example.test");
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill("Survey the three largest files in the workspace, summarise each, then write a combined report");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);
  await expect(page.getByTestId("task-result")).toContainText("largest file", { timeout: 45_000 });

  const panel = page.getByTestId("share-panel");
  await expect(panel.getByLabel("Include logs")).not.toBeChecked();
  await panel.getByRole("button", { name: "Create link" }).click();
  const url = await panel.getByTestId("new-share-link").getByRole("textbox").inputValue();
  expect(url).toMatch(/^https?:\/\/[^/]+\/share\/[A-Za-z0-9_-]{22}$/);
  await expect(panel.getByTestId("share-link-row")).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("share-panel.png"), fullPage: true });

  // Someone who was sent the link: a fresh browser context with no session cookie.
  const stranger = await browser.newContext();
  const shared = await stranger.newPage();
  const opened = await shared.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(shared.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  await expect(shared.getByTestId("task-result")).toContainText("largest file");
  await expect(shared.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expect(shared.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await expect(shared.getByTestId("shared-log-line")).toHaveCount(0);
  await expect(shared.getByTestId("signed-in-user")).toHaveCount(0);
  await shared.screenshot({ path: testInfo.outputPath("shared-page.png"), fullPage: true });

  const row = panel.getByTestId("share-link-row");
  await row.getByRole("button", { name: "Revoke", exact: true }).click();
  await row.getByRole("button", { name: "Revoke link" }).click();
  await expect(panel.getByTestId("share-link-row")).toHaveCount(0);
  await expect(panel.getByTestId("new-share-link")).toHaveCount(0);

  const reloaded = await shared.reload();
  expect(reloaded?.status()).toBe(404);
  await expect(shared.getByTestId("not-found")).toBeVisible();
  await expect(shared.getByText(title)).toHaveCount(0);
  await stranger.close();
});
