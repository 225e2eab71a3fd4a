// Approvals in a real Chromium: a profile that needs approval for every command, a task whose
// agent runs two commands, one approved and one denied on the task page; the task carries on and
// the denial reaches the model as a tool error in the log.
import { expect, test } from "@playwright/test";
import { createPrisma } from "../server/db/create-prisma";
import { TASK_PAGE_URL } from "./support/task-page-url";
import { findInLog } from "./support/log-viewer";

const db = createPrisma(process.env.DATABASE_URL!, { max: 1 });

test.beforeAll(() => db.agentProfile.update({ where: { name: "generalist" }, data: { approvalMode: "COMMANDS", approvalTimeoutSeconds: 600 } }));
test.afterAll(async () => {
  await db.agentProfile.update({ where: { name: "generalist" }, data: { approvalMode: "NONE" } });
  await db.$disconnect();
});

test("a person approves one command and denies another; the task continues", async ({ page }, testInfo) => {
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill("Check the build [sim:wide=2] [sim:cmd=echo build-ok] [sim:cmd=rm -rf data]");
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);

  const panel = page.getByTestId("approvals");
  const pending = panel.locator('[data-testid="approval"][data-status="PENDING"]');
  await expect(pending).toHaveCount(1, { timeout: 45_000 });
  await expect(pending).toContainText("echo build-ok");
  await expect(panel).toContainText("Waiting for approval (1)");
  await page.screenshot({ path: testInfo.outputPath("approval-pending.png"), fullPage: true });
  await pending.getByRole("button", { name: "Approve" }).click();
  await expect(panel.locator('[data-testid="approval"][data-status="APPROVED"]')).toContainText("echo build-ok");

  await expect(pending).toContainText("rm -rf data", { timeout: 30_000 });
  await pending.getByRole("button", { name: "Deny" }).click();
  await expect(panel.locator('[data-testid="approval"][data-status="DENIED"]')).toContainText("rm -rf data");

  await expect(page.getByTestId("task-result")).toBeVisible({ timeout: 45_000 });
  await findInLog(page, "A person denied this command: rm -rf data");
  await expect(page.getByTestId("log-line").filter({ hasText: "A person denied this command: rm -rf data" }).first()).toBeVisible();
  await findInLog(page, "build-ok");
  await expect(page.getByTestId("log-line").filter({ hasText: "build-ok" }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("approval-decided.png"), fullPage: true });

  // The agents page shows each agent's state with how long it has been in it.
  await page.goto("/agents");
  await expect(page.getByTestId("agent-state-age").first()).toHaveText(/^for \d+ s$|^for \d+m \d+s$/);
  await page.screenshot({ path: testInfo.outputPath("agents.png"), fullPage: true });
});
