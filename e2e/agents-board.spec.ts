// The agents board against the e2e daemon's real agents: groups by profile and host, sparklines
// from the daemon's samples, a live state change while a task runs (with the subtask linked to
// its task page), and an admin scaling a group up and down again, each change arriving live.
import { expect, test, type Page } from "@playwright/test";

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

async function createTask(page: Page, prompt: string): Promise<string> {
  const response = await page.request.post("/api/trpc/task.create", { data: { json: { prompt } }, headers: { origin: ORIGIN } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
}

const group = (page: Page, profile: string) => page.getByTestId("agent-group").filter({ has: page.getByText(profile, { exact: true }) });
const rowsOf = (page: Page, profile: string) => page.locator(`[data-testid="agent-row"][data-profile="${profile}"]`);

test("the board groups live agents, draws their usage and follows a running task", async ({ page }, testInfo) => {
  await page.goto("/agents");
  await expect(group(page, "generalist")).toHaveCount(1, { timeout: 30_000 });
  await expect(group(page, "analyst")).toHaveCount(1);
  await expect(rowsOf(page, "generalist")).toHaveCount(2);
  await expect(rowsOf(page, "analyst")).toHaveCount(2);
  await expect(group(page, "generalist").getByTestId("agent-group-count")).toHaveText(/^2 agents · \d busy$/);

  // Sparklines appear once the daemon has sampled each agent a few times (every 2 s).
  const sparkline = page.getByTestId("sparkline").first();
  await expect(sparkline).toBeVisible({ timeout: 20_000 });
  await expect(sparkline).toHaveAttribute("aria-label", /^(CPU|Memory), last \d+ samples: from .+ to .+, now .+$/);
  await expect(page.getByRole("img", { name: /^Memory, last \d+ samples/ }).first()).toBeVisible();

  // A task's only subtask sleeps a few seconds in a command: some agent is seen working on it,
  // linked to the task page at that subtask, without a reload.
  const taskId = await createTask(page, "Hold an agent busy for the board [sim:chain=1] [sim:cmd=sleep 8]");
  const working = page.locator('[data-testid="agent-row"][data-state="WORKING"]').filter({ has: page.getByRole("link", { name: "Step 1 of 1" }) });
  await expect(working).toHaveCount(1, { timeout: 30_000 });
  const link = working.getByTestId("agent-subtask").getByRole("link");
  await expect(link).toHaveText("Step 1 of 1");
  await expect(link).toHaveAttribute("href", new RegExp(`^/tasks/${taskId}\\?subtask=[\\w-]+$`));
  await expect(working.getByTestId("agent-state-age")).toHaveText(/^for \d+ s$/);
  await page.screenshot({ path: testInfo.outputPath("agents-board-desktop.png"), fullPage: true });

  // Heartbeats arrive live: the first agent's last heartbeat time moves on without a reload.
  const heartbeat = page.getByTestId("agent-heartbeat").first();
  const firstBeat = await heartbeat.getAttribute("title");
  await expect(heartbeat).not.toHaveAttribute("title", firstBeat ?? "", { timeout: 10_000 });

  await expect(working).toHaveCount(0, { timeout: 45_000 });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("agents-board-phone.png"), fullPage: true });
});

test("an admin scales a group up and down from the board", async ({ page }, testInfo) => {
  await page.goto("/agents");
  await expect(rowsOf(page, "generalist")).toHaveCount(2, { timeout: 30_000 });
  const generalists = group(page, "generalist");
  // At the profile's minimum there is nothing to retire.
  await expect(generalists.getByRole("button", { name: /^Retire one generalist agent on / })).toBeDisabled();

  await generalists.getByRole("button", { name: "Add a generalist agent" }).click();
  // First that it was sent, then what the daemon decided.
  await expect(generalists.getByRole("status")).toHaveText(/^(Start sent|Started)$/);
  await expect(generalists.getByRole("status")).toHaveText("Started", { timeout: 15_000 });
  await expect(rowsOf(page, "generalist")).toHaveCount(3, { timeout: 45_000 });
  await expect(page.locator('[data-testid="agent-row"][data-state="IDLE"]')).toHaveCount(5, { timeout: 45_000 });
  await expect(generalists.getByTestId("agent-group-count")).toHaveText(/^3 agents/);

  const retire = generalists.getByRole("button", { name: /^Retire one generalist agent on / });
  await expect(retire).toBeEnabled();
  await retire.click();
  await expect(rowsOf(page, "generalist")).toHaveCount(2, { timeout: 45_000 });

  // The retired process is in the history, with why it ended.
  await expect(page.getByTestId("ended-agent-row").filter({ hasText: "stopped by owner@example.test" }).first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath("agents-board-scaled.png"), fullPage: true });
});
