// The new-task form's refusals in a real Chromium against the real web server: a problem with a
// field is told by the field's label and marks that field, not another; a long prompt shows its
// length against the limit before it is sent; an empty budget says what it stands for.
import { expect, test } from "@playwright/test";
import { mutate } from "./support/api";

test("a refused budget is told by its label and marks the budget, not the prompt", async ({ page }, testInfo) => {
  await page.goto("/tasks/new");
  const prompt = page.getByLabel("What should the agents do?");
  const budget = page.getByLabel("Budget (USD)");
  await prompt.fill("Summarise the workspace");
  await budget.fill("5000000");
  await page.getByRole("button", { name: "Submit task" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "The task was not submitted" });
  await expect(alert).toContainText("Budget must be at most $1,000,000");
  await expect(alert).not.toContainText("budgetUsd");
  await expect(budget).toHaveAttribute("aria-invalid", "true");
  await expect(prompt).not.toHaveAttribute("aria-invalid");
  await expect(page).toHaveURL(/\/tasks\/new$/);
  await page.screenshot({ path: testInfo.outputPath("budget-refused.png"), fullPage: true });
});

test("a prompt over the limit shows its length before it is sent, and is refused by name", async ({ page }, testInfo) => {
  await page.goto("/tasks/new");
  const prompt = page.getByLabel("What should the agents do?");
  await prompt.fill("a".repeat(17_000));
  await expect(page.getByTestId("prompt-length")).toHaveCount(0);
  await prompt.fill("word ".repeat(4_001));
  await expect(page.getByTestId("prompt-length")).toHaveText("20,005 of 20,000 characters");
  await page.getByRole("button", { name: "Submit task" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "The task was not submitted" });
  await expect(alert).toContainText("Prompt is longer than 20,000 characters");
  await expect(prompt).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: testInfo.outputPath("prompt-too-long.png"), fullPage: true });
});

test("an empty budget says what it stands for: no limit, or the installation's default", async ({ page, baseURL }, testInfo) => {
  await page.goto("/tasks/new");
  const budget = page.getByLabel("Budget (USD)");
  await expect(budget).toHaveAttribute("placeholder", "no limit");

  await mutate(page.request, baseURL!, "settings.update", { defaultTaskBudgetUsd: 7.5, maxTaskBudgetUsd: null });
  try {
    await page.reload();
    await expect(budget).toHaveAttribute("placeholder", "default $7.50");
    await page.screenshot({ path: testInfo.outputPath("budget-default.png") });
  } finally {
    // Cleared again, so other tasks in this run get no budget.
    await mutate(page.request, baseURL!, "settings.update", { defaultTaskBudgetUsd: null, maxTaskBudgetUsd: null });
  }
});
