// Reviewing a plan before it runs, in a real Chromium against the real web server, agent daemon
// and simulated Claude: the task stops after planning with its estimate; an instruction is
// edited, a dependency that closes a cycle is refused by name, a subtask is removed (the estimate
// follows), and once approved the edited plan runs to success.
import { expect, test, type Locator } from "@playwright/test";
import { TASK_PAGE_URL } from "./support/task-page-url";

const PROMPT = "Survey the three largest files in the workspace, summarise each, then write a combined report";

const costOf = (panel: Locator) => panel.getByTestId("plan-estimate").locator("dd").nth(2);

test("a reviewed plan is edited, refused when cyclic, trimmed, approved and run", async ({ page }, testInfo) => {
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill(PROMPT);
  await page.getByLabel("Review the plan before it runs").check();
  await page.screenshot({ path: testInfo.outputPath("new-task-review.png") });
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);

  const panel = page.getByTestId("plan-review");
  await expect(panel).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('[data-status="AWAITING_REVIEW"]').first()).toBeVisible();
  const subtasks = panel.getByTestId("plan-subtask");
  await expect(subtasks).toHaveCount(5);
  await expect(costOf(panel)).toHaveText(/^\$\d+\.\d{2,}$/);
  await expect(subtasks.first().getByTestId("plan-subtask-estimate")).toContainText(/estimated [\d,]+ tokens · \$\d+\.\d+ · \d+/);
  // Nothing runs while the plan waits: the graph shows the plan, none of it queued or running.
  await expect(page.getByTestId("graph-node")).toHaveCount(5);
  await expect(page.getByTestId("graph-node").and(page.locator('[data-status="QUEUED"], [data-status="RUNNING"]'))).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("plan-review.png"), fullPage: true });

  // Edit the first analysis's instructions and save.
  const analysis = subtasks.nth(1);
  const instructions = analysis.getByLabel("Instructions");
  await instructions.fill(`${await instructions.inputValue()} Also count its words.`);
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(panel.getByRole("button", { name: "Save changes" })).toBeDisabled();
  await expect(subtasks.nth(1).getByLabel("Instructions")).toHaveValue(/Also count its words\.$/);

  // The survey waiting for the report closes a loop: refused, naming the subtasks.
  await subtasks.first().getByRole("checkbox", { name: /#5 Write the combined report/ }).check();
  await panel.getByRole("button", { name: "Save changes" }).click();
  const refusal = panel.getByRole("alert");
  await expect(refusal).toContainText("The plan was not saved");
  await expect(refusal).toContainText(/The dependencies form a cycle: #1 "Survey the workspace" needs #5 "Write the combined report" needs #\d "Analyze/);
  await expect(panel.getByRole("button", { name: "Approve and run" })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("plan-review-cycle.png"), fullPage: true });
  await panel.getByRole("button", { name: "Undo changes" }).click();
  await expect(subtasks.first().getByRole("checkbox", { name: /#5 Write the combined report/ })).not.toBeChecked();

  // What a subtask needs decides its profile: shell is beyond the analysts.
  await expect(analysis.getByTestId("plan-subtask-estimate")).toContainText("Runs on analyst");
  await analysis.getByRole("checkbox", { name: "shell" }).check();
  await expect(analysis.getByTestId("plan-subtask-estimate")).toContainText("Runs on generalist");
  await analysis.getByRole("checkbox", { name: "shell" }).uncheck();
  await expect(analysis.getByTestId("plan-subtask-estimate")).toContainText("Runs on analyst");

  // Remove the third analysis: four subtasks, a new estimate.
  const before = await costOf(panel).textContent();
  await subtasks.nth(3).getByRole("button", { name: /^Remove subtask #4/ }).click();
  await expect(subtasks).toHaveCount(4);
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(panel.getByRole("button", { name: "Save changes" })).toBeDisabled();
  await expect(panel.getByTestId("plan-estimate").locator("dd").first()).toHaveText("4");
  await expect(costOf(panel)).not.toHaveText(before!);
  await expect(refusal).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("plan-review-edited.png"), fullPage: true });

  await panel.getByRole("button", { name: "Approve and run" }).click();
  await panel.getByRole("button", { name: "Yes, run it" }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId("task-result")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("graph-node")).toHaveCount(4);
  await expect(page.getByTestId("graph-node").and(page.locator('[data-status="SUCCEEDED"]'))).toHaveCount(4);
  await expect(page.getByTestId("task-cost-detail")).toHaveText(/^estimated \$\d+\.\d{2,}$/);
  await page.screenshot({ path: testInfo.outputPath("plan-review-finished.png"), fullPage: true });
});

test("discarding a plan cancels the task with the reason", async ({ page }) => {
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill("Survey the two largest files in the workspace");
  await page.getByLabel("Review the plan before it runs").check();
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);

  const panel = page.getByTestId("plan-review");
  await expect(panel).toBeVisible({ timeout: 45_000 });
  await panel.getByRole("button", { name: "Discard" }).click();
  await panel.getByLabel(/Why discard it/).fill("Not needed after all");
  await panel.getByRole("button", { name: "Discard and cancel the task" }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId("task-cancelled")).toContainText("Not needed after all");
});

test("admins make review mandatory above an estimated cost on Pricing", async ({ page }, testInfo) => {
  await page.goto("/admin/pricing");
  const field = page.getByLabel("Review plans above (USD)");
  await field.fill("2.5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("pricing-review-threshold.png"), fullPage: true });
  await page.reload();
  await expect(page.getByLabel("Review plans above (USD)")).toHaveValue("2.5");

  // Cleared again, so other tasks in this run are not held for review.
  await page.getByLabel("Review plans above (USD)").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Review plans above (USD)")).toHaveValue("");
});
