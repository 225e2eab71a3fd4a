// The analytics page over a real task run (web server, agent daemon, simulated Claude): the
// numbers appear, each chart has a table view, and the CSV download holds the table's numbers.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";

async function runTask(page: Page, baseURL: string, prompt: string): Promise<string> {
  const created = await page.request.post("/api/trpc/task.create", { data: { json: { prompt } }, headers: { origin: baseURL } });
  expect(created.status()).toBe(200);
  const { id } = ((await created.json()) as { result: { data: { json: { id: string } } } }).result.data.json;
  const input = encodeURIComponent(JSON.stringify({ json: { id } }));
  await expect
    .poll(async () => ((await (await page.request.get(`/api/trpc/task.byId?input=${input}`)).json()) as { result: { data: { json: { status: string } } } }).result.data.json.status, {
      timeout: 60_000,
    })
    .toBe("SUCCEEDED");
  return id;
}

async function downloadCsv(page: Page, card: string): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`chart-${card}`).getByRole("button", { name: /as CSV$/ }).click()]);
  return (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
}

test("analytics shows a finished task's numbers, as charts, tables and CSV", async ({ page, baseURL }, testInfo) => {
  await runTask(page, baseURL!, "Summarise the two largest files in the workspace, then write a combined report");

  await page.goto("/analytics?range=24h");
  await expect(page.getByRole("heading", { name: "Analytics" })).toBeVisible();
  await expect(page.getByText("All times are UTC.", { exact: false })).toBeVisible();
  const summary = page.getByTestId("analytics-summary");
  await expect(summary.getByText("Tasks finished").locator("..")).toContainText(/Tasks finished\s*[1-9]/);
  await expect(summary.getByText("Spend", { exact: true }).locator("..")).toContainText(/\$0\.\d*[1-9]/);
  await expect(page.getByTestId("chart-outcomes").locator("figure svg").first()).toBeVisible();
  // The legend names the series in the order of the bars, not alphabetically.
  await expect(page.getByTestId("chart-outcomes").locator(".recharts-legend-item-text")).toHaveText(["Succeeded", "Failed", "Cancelled"]);
  await expect(page.getByTestId("chart-durations").getByText("within 4.7 % of the exact value", { exact: false })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("analytics.png"), fullPage: true });

  // The table view of the same numbers: one row per hour of the last 24.
  const outcomes = page.getByTestId("chart-outcomes");
  await outcomes.getByRole("button", { name: "Table" }).click();
  await expect(outcomes.getByRole("button", { name: "Table" })).toHaveAttribute("aria-pressed", "true");
  await expect(outcomes.getByTestId("analytics-row")).toHaveCount(24);
  const hour = new Date().toISOString().slice(0, 13); // the current UTC hour, e.g. 2026-11-29T20
  const lines = await downloadCsv(page, "outcomes");
  expect(lines[0]).toBe("bucket_start_utc,succeeded,failed,cancelled,success_rate");
  expect(lines).toHaveLength(25);
  const current = lines.find((line) => line.startsWith(`${hour}:00:00.000Z,`))!.split(",");
  expect(Number(current[1])).toBeGreaterThanOrEqual(1);

  // Spend by profile: the generalist ran this task, and its cost is in dollars with six decimals.
  const usage = page.getByTestId("chart-usage");
  await usage.getByRole("button", { name: "Table" }).click();
  await expect(usage.getByTestId("analytics-row").filter({ hasText: "generalist" })).toBeVisible();
  const usageLines = await downloadCsv(page, "usage");
  expect(usageLines[0]).toBe("profile,calls,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cost_usd");
  const generalist = usageLines.find((line) => line.startsWith("generalist,"))!.split(",");
  expect(generalist[6]).toMatch(/^0\.\d{6}$/);
  expect(Number(generalist[6])).toBeGreaterThan(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("analytics-phone.png"), fullPage: true });
});

test("analytics explains a range it cannot show instead of querying it", async ({ page }) => {
  await page.goto("/analytics?range=30d&bucket=hour");
  await expect(page.getByRole("alert").filter({ hasText: "This range cannot be shown" })).toContainText("Hourly buckets cover at most 14 days. Group by day, or choose a shorter range.");
  await page.getByLabel("Group by").selectOption("day");
  await expect(page).toHaveURL(/\/analytics\?range=30d$/);
  await expect(page.getByTestId("analytics-summary")).toBeVisible();
});
