// The task page's actions end to end in Chromium against the real server, daemon and simulated
// Claude: cancel, retry after a subtask failed for good, re-run (at once and edited first), the
// workspace's files, and the result's highlighted code on the task page and its share page.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createPrisma } from "../server/db/create-prisma";
import { findInLog } from "./support/log-viewer";
import { OWNER_EMAIL } from "./support/sign-in";
import { TASK_PAGE_URL } from "./support/task-page-url";

const db = createPrisma(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => db.$disconnect());

async function submit(page: import("@playwright/test").Page, prompt: string, title: string) {
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill(prompt);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);
  return page.url();
}

/** Exactly one line of the log holds `text`. Found through the log's search: the log is virtualised and follows the newest lines, so a line near the top of a finished task's log is not in the page. */
async function expectOneLogLine(page: import("@playwright/test").Page, text: string) {
  await findInLog(page, text);
  await expect(page.getByTestId("log-search-count")).toHaveText("1 / 1");
  await expect(page.getByTestId("log-line").filter({ hasText: text })).toHaveCount(1);
}

test("cancel stops a running task, which then offers a re-run but no retry", async ({ page }) => {
  await submit(page, "Run it as a chain [sim:cmd=sleep 45]", `Cancel me ${Date.now()}`);
  await expect(page.getByTestId("log-line").filter({ hasText: "run_command" }).first()).toBeVisible({ timeout: 45_000 });
  // The first click asks; taking the question back leaves the task running.
  const actions = page.getByTestId("task-actions");
  await actions.getByRole("button", { name: "Cancel task" }).click();
  const question = actions.getByRole("group", { name: "Stop its running subtasks and cancel it?" });
  await expect(question.getByRole("button", { name: "Cancel the task" })).toBeFocused();
  await question.getByRole("button", { name: "Keep it running" }).click();
  await expect(actions.getByRole("button", { name: "Cancel task" })).toBeFocused();
  await expect(page.getByTestId("task-cancelled")).toHaveCount(0);
  // From the keyboard: Enter asks, Enter confirms. The cancel's answer is held back until the live
  // update has ended the task, the order a busy server can give them in.
  await page.route(
    (url) => url.pathname.includes("task.cancel"),
    async (route) => {
      const response = await route.fetch();
      await expect(page.getByTestId("task-cancelled")).toBeVisible();
      await route.fulfill({ response });
    },
  );
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("task-cancelled")).toBeVisible();
  await expect(actions.getByRole("button", { name: "Cancel task" })).toHaveCount(0);
  await expect(actions.getByRole("button", { name: "Re-run" })).toBeVisible();
  // Keyboard focus moved from the cancel, now gone, to the ended task's first action.
  await expect(actions.getByRole("button", { name: "Re-run" })).toBeFocused();
  await expect(actions.getByRole("button", { name: "Retry failed subtasks" })).toHaveCount(0);
});

test("a task whose subtask failed is retried from the page, succeeds, and its file downloads", async ({ page }, testInfo) => {
  const title = `Retry me ${Date.now()}`;
  const prompt = "Survey one file and write a report [sim:wide=1] [sim:agent-fail=500x4:step=join]";
  // The simulated Claude answers the report step's first call and all three SDK retries with 500,
  // so that step fails for good after the other two succeeded; it succeeds when it runs again.
  const taskUrl = await submit(page, prompt, title);
  await expect(page.getByTestId("task-failure")).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("task-failure")).toContainText('Subtask "Write the combined report" failed');
  const retryButton = page.getByRole("button", { name: "Retry failed subtasks" });
  await expect(retryButton).toHaveAttribute("title", "1 subtask that failed or was skipped runs again; the 2 that succeeded keep their results");
  await page.screenshot({ path: testInfo.outputPath("task-failed.png"), fullPage: true });

  await retryButton.click();
  await expect(page.getByTestId("task-failure")).toHaveCount(0);
  await expect(page.getByTestId("task-result")).toBeVisible({ timeout: 45_000 });
  await expect(page.locator("h1 ~ * [data-status]")).toHaveAttribute("data-status", "SUCCEEDED");
  await expectOneLogLine(page, "Retry requested by");
  await expect(retryButton).toHaveCount(0);

  // The file the retried subtask wrote, listed without the workspace's unchanged starting files.
  const files = page.getByTestId("task-files");
  await expect(files.getByTestId("task-file-row")).toHaveCount(1);
  await expect(files).toContainText("starting files the agents did not change are not shown");
  const pending = page.waitForEvent("download");
  await files.getByRole("link", { name: "report.md" }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe("report.md");
  expect(await readFile((await download.path())!, "utf8")).toMatch(/^# /);
  await expect(page.getByTestId("task-totals")).toContainText("Total tokens");
  await page.screenshot({ path: testInfo.outputPath("task-retried.png"), fullPage: true });

  // Re-run: one click makes a new task with the same prompt and title.
  await page.getByRole("button", { name: "Re-run" }).click();
  await page.waitForURL((url) => /\/tasks\/[\w-]+$/.test(url.pathname) && url.href !== taskUrl);
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  await expectOneLogLine(page, "Re-run of task");

  // Edit and re-run: the new-task form starts from the task's prompt and title.
  await page.goto(taskUrl);
  await page.getByRole("link", { name: "Edit and re-run" }).click();
  await expect(page.getByLabel("What should the agents do?")).toHaveValue(prompt);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.screenshot({ path: testInfo.outputPath("edit-and-rerun.png"), fullPage: true });
});

const RESULT = [
  "# Release checklist",
  "",
  "The scheduler's retry loop, as fixed:",
  "",
  "```ts",
  "export async function retry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {",
  "  // Back off between attempts.",
  '  for (let i = 1; ; i++) try { return await run(); } catch (error) { if (i >= attempts) throw error; }',
  "}",
  "```",
  "",
  "```python",
  "def total(xs):",
  '    return sum(x for x in xs if x > 0)  # "positive" only',
  "```",
  "",
  '<script>window.__injected = "script"</script>',
  "",
  '<img src="x" onerror="window.__injected = \'img\'">',
  "",
  "[a link](javascript:window.__injected='link')",
  "",
  "![tracker](https://tracker.example/pixel.png?d=secret)",
].join("\n");

test("the result shows highlighted code, and nothing unsafe, on the task page and its share page", async ({ page, browser }, testInfo) => {
  const owner = await db.user.findUniqueOrThrow({ where: { email: OWNER_EMAIL } });
  const task = await db.task.create({
    data: { title: `Highlighted ${Date.now()}`, prompt: "Write a checklist", status: "SUCCEEDED", createdById: owner.id, resultMarkdown: RESULT, createdAt: new Date(Date.now() - 95_000), startedAt: new Date(Date.now() - 90_000), finishedAt: new Date() },
  });
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.goto(`/tasks/${task.id}`);
  const result = page.getByTestId("task-result");
  await expect(result.locator("code.language-ts .hljs-keyword").first()).toBeVisible();
  await expect(result.locator("code.language-python .hljs-keyword").first()).toBeVisible();
  await expect(result.locator("code.language-python .hljs-comment").first()).toBeVisible();
  await expect(result.locator("script, img, [onerror]")).toHaveCount(0);
  await expect(result.getByText("a link")).toBeVisible();
  await expect(result.locator('[href^="javascript"]')).toHaveCount(0);
  // A markdown image is a link to it; nothing is fetched from its host.
  await expect(result.getByRole("link", { name: "Image: tracker" })).toHaveAttribute("href", "https://tracker.example/pixel.png?d=secret");
  expect(requested.filter((url) => url.includes("tracker.example"))).toEqual([]);
  expect(await page.evaluate(() => (window as { __injected?: string }).__injected)).toBeUndefined();
  // Highlighting colours come from the theme's tokens, not the text colour.
  const keywordColour = await result.locator(".hljs-keyword").first().evaluate((node) => getComputedStyle(node).color);
  const textColour = await result.evaluate((node) => getComputedStyle(node).color);
  expect(keywordColour).not.toBe(textColour);
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("result-highlighted.png"), fullPage: true });

  const panel = page.getByTestId("share-panel");
  await panel.getByRole("button", { name: "Create link" }).click();
  const url = await panel.getByTestId("new-share-link").getByRole("textbox").inputValue();
  const stranger = await browser.newContext();
  const shared = await stranger.newPage();
  await shared.goto(url);
  const sharedResult = shared.getByTestId("task-result");
  await expect(sharedResult.locator("code.language-ts .hljs-keyword").first()).toBeVisible();
  await expect(sharedResult.locator("script, img, [onerror]")).toHaveCount(0);
  // Share links show the result, never the workspace's files.
  await expect(shared.getByTestId("task-files")).toHaveCount(0);
  await shared.screenshot({ path: testInfo.outputPath("shared-highlighted.png"), fullPage: true });
  await stranger.close();
});
