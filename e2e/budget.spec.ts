// A task with a tiny budget in a real Chromium against the real web server, agent daemon and
// simulated Claude: it pauses with the budget banner, and finishes once the budget is raised.
import { expect, test } from "@playwright/test";
import { TASK_PAGE_URL } from "./support/task-page-url";

test("a task pauses at its budget and finishes after the budget is raised", async ({ page }, testInfo) => {
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill("Run it as a chain [sim:chain=3]");
  // Enough for planning and a few calls, not for the whole chain (see budget.integration.test.ts).
  await page.getByLabel("Budget (USD)").fill("0.085");
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);

  const banner = page.getByTestId("budget-banner");
  await expect(banner).toContainText(/Budget reached — spent \$0\.\d+ of \$0\.085/, { timeout: 60_000 });
  await expect(page.getByTestId("task-cost")).toContainText("/ $0.085");
  await page.screenshot({ path: testInfo.outputPath("budget-reached.png"), fullPage: true });

  await banner.getByLabel("New budget (USD)").fill("5");
  await banner.getByRole("button", { name: "Raise the budget and continue" }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId("task-result")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("task-cost")).toContainText("/ $5.00");
  await page.screenshot({ path: testInfo.outputPath("budget-raised-finished.png"), fullPage: true });

  // The list shows what it cost.
  await page.goto("/tasks");
  await expect(page.getByTestId("task-row").first().getByTestId("task-row-cost")).toHaveText(/^\$0\.\d+$/);
});
