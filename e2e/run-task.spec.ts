// A user's path through Baton in a real Chromium against the real web server, agent daemon,
// simulated Claude, PostgreSQL and Redis.
import { expect, test } from "@playwright/test";
import { TASK_PAGE_URL } from "./support/task-page-url";
import { logLineTotal, shownLogSeqs } from "./support/log-viewer";

test("submitting a task streams its logs live and shows the result", async ({ page }, testInfo) => {
  await page.goto("/tasks/new");
  await expect(page.getByText(/simulated Claude/i).first()).toBeVisible();

  await page.getByLabel("What should the agents do?").fill("Survey the three largest files in the workspace, summarise each, then write a combined report [sim:cmd=sleep 2]");
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);

  // Lines arrive while the task is still running, without a reload (a subtask's two-second
  // command keeps it running after the first lines, however fast the rest goes).
  await expect.poll(() => logLineTotal(page), { timeout: 30_000 }).toBeGreaterThan(3);
  const midRun = await page.evaluate(() => ({
    lines: Number(document.querySelector('[data-testid="log-summary"]')?.getAttribute("data-count")),
    finished: document.querySelector('[data-testid="task-result"]') !== null,
  }));
  expect(midRun.finished).toBe(false);
  await page.screenshot({ path: testInfo.outputPath("task-running.png"), fullPage: true });

  const result = page.getByTestId("task-result");
  await expect(result).toBeVisible({ timeout: 45_000 });
  await expect(result).toContainText("largest file");
  expect(await logLineTotal(page)).toBeGreaterThan(midRun.lines);
  await expect(page.getByTestId("graph-node")).toHaveCount(5);

  // Sequence numbers are shown once each and in order: live events and history merged by seq.
  const seqs = await shownLogSeqs(page);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(seqs.length).toBe(await logLineTotal(page));
  await page.screenshot({ path: testInfo.outputPath("task-finished.png"), fullPage: true });

  // The title was derived from the prompt (and shortened), so editing to run again leaves it to be derived again.
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("…");
  await page.getByRole("link", { name: "Edit and re-run" }).click();
  await expect(page.getByLabel("What should the agents do?")).toHaveValue(/^Survey the three largest files/);
  await expect(page.getByLabel("Title")).toHaveValue("");
});

// The command sleeps 45 s: the task ending well before that shows cancel stopped it, not the end of the command.
test("cancelling a running task stops its running command", async ({ page }) => {
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill("Run it as a chain [sim:cmd=sleep 45]");
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);
  await expect(page.getByTestId("log-line").filter({ hasText: "run_command" }).first()).toBeVisible({ timeout: 45_000 });

  await page.getByRole("button", { name: "Cancel task" }).click();
  await page.getByRole("button", { name: "Cancel the task" }).click();
  await expect(page.getByTestId("task-cancelled")).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-status="RUNNING"]')).toHaveCount(0, { timeout: 15_000 });
});

test("the agents page lists the live agent processes", async ({ page }, testInfo) => {
  await page.goto("/agents");
  // The default fleet; the autoscaler may still hold a fifth agent it started for a backlog.
  await expect.poll(() => page.getByTestId("agent-row").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId("agent-group").first()).toContainText(/generalist|analyst/);
  await page.screenshot({ path: testInfo.outputPath("agents.png"), fullPage: true });
});
