// The task page's plan views against a real run: the dependency graph recolours live, a node
// chosen with the keyboard focuses the inspector and filters the activity log (and the URL), and
// the per-agent timeline shows the runs, as a chart and as a table. Desktop and phone widths.
import { expect, test, type Page } from "@playwright/test";
import { TASK_PAGE_URL } from "./support/task-page-url";

// The report (the one subtask whose agent runs commands) sleeps, so it is seen running.
const PROMPT = "Survey the three largest files in the workspace, summarise each, then write a combined report [sim:cmd=sleep 6]";

async function submitTask(page: Page) {
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill(PROMPT);
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);
}

const graphNode = (page: Page, title: string) => page.getByTestId("graph-node").filter({ hasText: title });
const focusableNode = (page: Page, number: number) => page.getByRole("group", { name: new RegExp(`^Subtask ${number}: `) });

test("the plan graph follows a live run, and a node chosen by keyboard focuses the inspector, the log and the URL", async ({ page }, testInfo) => {
  await submitTask(page);

  // gather → three analyses → report: five nodes, six dependency edges.
  await expect(page.getByTestId("graph-node")).toHaveCount(5, { timeout: 30_000 });
  await expect(page.locator(".react-flow__edge-path")).toHaveCount(6);
  const report = graphNode(page, "Write the combined report");
  // The report waits for all three analyses and then sleeps, so it cannot have finished yet.
  expect(await report.getAttribute("data-status")).not.toBe("SUCCEEDED");
  await expect(report).toHaveAttribute("data-status", "RUNNING", { timeout: 45_000 });
  await page.screenshot({ path: testInfo.outputPath("graph-running.png"), fullPage: true });

  // Keyboard: focus the first node, Tab to the second, Enter selects it.
  await focusableNode(page, 1).focus();
  await page.keyboard.press("Tab");
  await expect(focusableNode(page, 2)).toBeFocused();
  await page.keyboard.press("Enter");
  const inspector = page.getByTestId("subtask-inspector");
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText("#2");
  await expect(inspector.getByTestId("inspector-instructions")).toContainText("largest file");
  // Its one input is the survey it depends on.
  await expect(inspector.getByTestId("inspector-input")).toHaveCount(1);
  await expect(inspector.getByTestId("inspector-input")).toContainText("Survey the workspace");
  const selectedId = await inspector.getAttribute("data-subtask-id");
  expect(selectedId).toBeTruthy();
  await expect(page.locator(`[data-testid="graph-node"][data-subtask-id="${selectedId}"]`)).toHaveAttribute("data-selected", "true");
  expect(new URL(page.url()).searchParams.get("subtask")).toBe(selectedId);
  // The activity log shows that subtask only.
  await expect(page.getByLabel("Show activity of")).toHaveValue(selectedId!);
  await expect.poll(() => page.getByTestId("log-row").count(), { timeout: 30_000 }).toBeGreaterThan(0);
  // Every row on screen names subtask 2 as its source.
  const rowsFromElsewhere = await page.getByTestId("log-row").evaluateAll((rows) => rows.filter((row) => !row.querySelector('span[title^="Subtask 2: "]')).length);
  expect(rowsFromElsewhere).toBe(0);

  // The whole run, live and without a reload: every node ends green, the report included.
  await expect(report).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(page.locator('[data-testid="graph-node"][data-status="SUCCEEDED"]')).toHaveCount(5);
  await expect(page.getByTestId("task-result")).toBeVisible({ timeout: 30_000 });
  await expect(inspector.getByTestId("inspector-output")).not.toContainText("Not finished yet");
  await expect(inspector.getByTestId("inspector-usage")).toContainText("Whole task");

  // The timeline: one bar per subtask on the agents that ran them, and the same data as a table.
  const timeline = page.getByTestId("subtask-timeline");
  await expect(timeline.getByTestId("timeline-bar")).toHaveCount(5);
  await expect(timeline.locator(`[data-testid="timeline-bar"][data-subtask-id="${selectedId}"]`)).toHaveAttribute("aria-pressed", "true");
  await expect(timeline).toContainText(/\d+ agents? · up to \d+ subtasks? at once/);
  await page.screenshot({ path: testInfo.outputPath("graph-finished.png"), fullPage: true });
  await timeline.getByRole("button", { name: "Show as table" }).click();
  await expect(timeline.getByTestId("timeline-table-row")).toHaveCount(5);

  // Selecting from the timeline moves the selection; Escape on a node clears it.
  await timeline.getByRole("button", { name: /^#5 Write the combined report/ }).click();
  await expect(inspector).toContainText("Write the combined report");
  await expect(inspector.getByTestId("inspector-input")).toHaveCount(3);
  await focusableNode(page, 5).focus();
  await page.keyboard.press("Escape");
  await expect(inspector).toBeHidden();
  expect(new URL(page.url()).searchParams.get("subtask")).toBeNull();
  await expect(page.getByLabel("Show activity of")).toHaveValue("");
});

test("a link to a subtask opens the page focused on it, and the plan reads on a phone", async ({ page }, testInfo) => {
  await submitTask(page);
  await expect(page.getByTestId("graph-node")).toHaveCount(5, { timeout: 30_000 });
  await expect(page.getByTestId("task-result")).toBeVisible({ timeout: 60_000 });
  const gatherId = await graphNode(page, "Survey the workspace").getAttribute("data-subtask-id");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${page.url()}?subtask=${gatherId}`);
  const inspector = page.getByTestId("subtask-inspector");
  await expect(inspector).toContainText("Survey the workspace");
  await expect(page.getByLabel("Show activity of")).toHaveValue(gatherId!);
  // Phones get the graph at full size, top to bottom, inside a scrolling frame.
  await expect(page.getByTestId("graph-node")).toHaveCount(5);
  const first = await graphNode(page, "Survey the workspace").boundingBox();
  const last = await graphNode(page, "Write the combined report").boundingBox();
  expect(last!.y).toBeGreaterThan(first!.y + first!.height);
  expect(first!.width).toBeGreaterThan(190);
  // Nothing but the graph's own frame scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await focusableNode(page, 5).focus();
  await page.keyboard.press(" ");
  await expect(inspector).toContainText("Write the combined report");
  await page.screenshot({ path: testInfo.outputPath("graph-phone.png"), fullPage: true });
});
