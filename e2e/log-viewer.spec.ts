// The task page's log viewer in a real Chromium: live lines from real agents, filters by kind,
// level and subtask, search, tool calls that open, copying a line and a range, links to a line;
// and a task with 50,000 lines written straight into PostgreSQL, which must open at its newest
// lines with only a screenful of rows in the DOM, scroll to its first line, and link deep into it.
import { expect, test, type Page } from "@playwright/test";
import { createRedis } from "../server/create-redis";
import { createDatabase } from "../server/db/create-prisma";
import { createRealtimePublisher } from "../server/realtime/publisher";
import { redisKeys } from "../server/redis-keys";
import { recordLogs } from "../server/services/logs/append-logs";
import { createLongLogTask } from "../server/testing/long-log-task";
import { findInLog, logLineTotal, shownLogSeqs } from "./support/log-viewer";
import { TASK_PAGE_URL } from "./support/task-page-url";

const { db, sql } = createDatabase(process.env.DATABASE_URL!, { max: 2 });
const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const publisher = createRealtimePublisher(redis, redisKeys(`${process.env.BATON_REDIS_PREFIX ?? "baton-test"}-e2e`).socketIoKey);
test.afterAll(async () => {
  await db.$disconnect();
  await redis.quit();
});

const LINES = 50_000;
const line = (page: Page, seq: number) => page.locator(`[data-testid="log-line"][data-seq="${seq}"]`);
const shownKinds = (page: Page) => page.getByTestId("log-line").evaluateAll((lines) => [...new Set(lines.map((l) => (l as HTMLElement).dataset.kind))]);

test("live lines, filters, search, tool data, copying and links", async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/tasks/new");
  await page.getByLabel("What should the agents do?").fill("Survey the three largest files in the workspace, summarise each, then write a combined report [sim:cmd=sleep 2]");
  await page.getByRole("button", { name: "Submit task" }).click();
  await page.waitForURL(TASK_PAGE_URL);

  // Lines arrive while the task runs (a subtask's two-second command keeps it running after the
  // first lines), without a reload, and the view follows them.
  await expect.poll(() => logLineTotal(page), { timeout: 30_000 }).toBeGreaterThan(3);
  const midRun = await logLineTotal(page);
  await expect(page.getByTestId("task-result")).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => logLineTotal(page)).toBeGreaterThan(midRun);
  await expect(page.getByRole("button", { name: /Jump to latest/ })).toBeHidden();
  // Every line once, in order (the log is gap-free from seq 1).
  await expect
    .poll(async () => {
      const [total, seqs] = [await logLineTotal(page), await shownLogSeqs(page)];
      return seqs.length === total && seqs.every((seq, i) => seq === i + 1);
    })
    .toBe(true);
  const total = await logLineTotal(page);

  // History loaded after a reload leaves tool data out until a call is opened.
  await page.reload();
  await expect.poll(() => logLineTotal(page)).toBe(total);
  const kinds = page.getByRole("group", { name: "Kinds shown" });
  for (const kind of ["text", "result", "status", "error"]) await kinds.getByRole("button", { name: kind }).click();
  await expect(kinds.getByRole("button", { name: "tool call" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => shownKinds(page)).toEqual(["TOOL_CALL"]);
  await expect(page.getByTestId("log-summary")).toContainText("shown");
  const call = page.getByTestId("log-line").filter({ hasText: "list_files" }).first();
  await call.getByRole("button").click();
  await expect(call.getByTestId("log-line-data")).toHaveText(/^\{\n {2}"path": "\."\n\}$/);
  await page.screenshot({ path: testInfo.outputPath("log-tool-call-open.png"), fullPage: true });
  for (const kind of ["text", "result", "status", "error"]) await kinds.getByRole("button", { name: kind }).click();
  await expect.poll(async () => (await shownKinds(page)).length).toBeGreaterThan(1);

  // Level: this task logged no errors, so "errors only" leaves nothing, and says how to undo it.
  await page.getByLabel("Level").selectOption("ERROR");
  await expect(page.getByText("No lines match the filters")).toBeVisible();
  await page.getByRole("button", { name: "Show all lines" }).click();
  await expect(page.getByLabel("Level")).toHaveValue("DEBUG");
  await page.getByLabel("Level").selectOption("WARN");
  await expect.poll(() => page.getByTestId("log-line").evaluateAll((lines) => lines.filter((l) => !["WARN", "ERROR"].includes((l as HTMLElement).dataset.level ?? "")).length)).toBe(0);
  await page.getByLabel("Level").selectOption("DEBUG");

  // Subtask: only the chosen subtask's rows remain.
  const subtaskFilter = page.getByLabel("Show activity of");
  await subtaskFilter.selectOption({ index: 1 });
  const chosen = (await subtaskFilter.locator("option:checked").textContent())!.trim();
  await expect.poll(() => page.getByTestId("log-row").evaluateAll((rows) => [...new Set(rows.map((row) => row.children[2]!.textContent))])).toEqual([chosen]);
  await subtaskFilter.selectOption("");

  // Search: matches are counted and marked; Enter and Shift+Enter step through them.
  await findInLog(page, "list_files");
  const count = page.getByTestId("log-search-count");
  const [at, of] = (await count.textContent())!.split(" / ").map(Number);
  expect(of).toBeGreaterThan(1);
  await expect(page.locator('[data-testid="log-row"].outline-accent').getByTestId("log-match").first()).toBeVisible();
  await page.getByLabel("Search the log").press("Enter");
  await expect(count).toHaveText(`${(at! % of!) + 1} / ${of}`);
  await page.getByLabel("Search the log").press("Shift+Enter");
  await expect(count).toHaveText(`${at} / ${of}`);
  await page.getByLabel("Search the log").fill("");

  // Copy one line with its button.
  await page.getByTestId("log-panel").evaluate((panel) => panel.scrollTo({ top: 0 }));
  await expect(line(page, 1)).toBeInViewport();
  const rowOf = (seq: number) => page.locator(`[data-testid="log-row"][data-seq="${seq}"]`);
  const seqOfRow = async (n: number) => Number(await page.getByTestId("log-row").nth(n).getAttribute("data-seq"));
  const seq = await seqOfRow(0);
  const row = rowOf(seq);
  await row.hover();
  await row.getByRole("button", { name: `Copy line ${seq}` }).click();
  await expect(row.getByRole("button", { name: `Copy line ${seq}` })).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`^#${seq}\\t\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\t[^\\t]+\\t[a-z ]+\\t.+`, "s"));

  // Select a range with a click and a shift-click on line numbers, then copy it.
  const [from, to] = [await seqOfRow(1), await seqOfRow(4)];
  await rowOf(from).getByRole("link", { name: `Line ${from}` }).click();
  await expect(page).toHaveURL(new RegExp(`#log-${from}$`));
  await rowOf(to).getByRole("link", { name: `Line ${to}` }).click({ modifiers: ["Shift"] });
  const selection = page.getByTestId("log-selection");
  await expect(selection).toContainText(`Lines ${from}–${to} selected`);
  await expect(page.locator('[data-testid="log-row"][data-selected]')).toHaveCount(4);
  await selection.getByRole("button", { name: /^Copy \d+ lines?$/ }).click();
  // One line per row (a message's own line breaks are kept).
  const range = await page.evaluate(() => navigator.clipboard.readText());
  expect(range.match(/^#\d+\t/gm)).toHaveLength(4);
  expect(range).toMatch(new RegExp(`^#${from}\\t`));
  expect(range).toMatch(new RegExp(`^#${to}\\t`, "m"));
  await selection.getByRole("button", { name: "Copy link" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${page.url().split("#")[0]}#log-${from}`);
  await page.screenshot({ path: testInfo.outputPath("log-viewer.png"), fullPage: true });
  await page.locator("section").filter({ has: page.getByTestId("log-panel") }).screenshot({ path: testInfo.outputPath("log-viewer-panel.png") });

  // The link opens the page at that line, selected.
  const link = `${page.url().split("#")[0]}#log-${from}`;
  await page.goto("about:blank");
  await page.goto(link);
  await expect(line(page, from)).toBeInViewport();
  await expect(selection).toContainText(`Line ${from} selected`);
});

test("a task with 50,000 lines opens at its end, stays virtualised, scrolls to the top and links deep", async ({ page }, testInfo) => {
  // Loading 50,000 lines twice takes a while on a busy machine; the steps themselves wait for states.
  test.setTimeout(180_000);
  const task = await createLongLogTask(db, { lines: LINES });
  const s1 = task.subtasks[0]!.id;

  await page.goto(`/tasks/${task.id}`);
  await page.getByTestId("log-panel").scrollIntoViewIfNeeded();
  await expect(line(page, LINES)).toBeInViewport({ timeout: 15_000 });
  expect(await page.getByTestId("log-row").count()).toBeLessThan(60);
  await expect.poll(() => logLineTotal(page), { timeout: 30_000 }).toBe(LINES);
  await expect(page.getByTestId("log-summary")).toHaveText("50,000 lines");
  expect(await page.getByTestId("log-row").count()).toBeLessThan(60);
  await page.screenshot({ path: testInfo.outputPath("long-log-end.png") });

  // To the top: the first line is there, and follow mode lets go.
  await page.getByTestId("log-panel").evaluate((panel) => panel.scrollTo({ top: 0 }));
  await expect(line(page, 1)).toBeInViewport();
  const jump = page.getByRole("button", { name: /Jump to latest/ });
  await expect(jump).toBeVisible();
  expect(await page.getByTestId("log-row").count()).toBeLessThan(60);

  // New lines while reading the top are counted, not scrolled to.
  await recordLogs({ sql, publisher }, task.id, [1, 2, 3].map((i) => ({ subtaskId: s1, kind: "STATUS" as const, message: `Late line ${i}` })));
  await expect(jump).toHaveText("Jump to latest (3 new) ↓");
  await expect(line(page, 1)).toBeInViewport();
  await jump.click();
  await expect(line(page, LINES + 3)).toBeInViewport();
  await expect(jump).toBeHidden();

  // Search reaches far back.
  await findInLog(page, "contents of part 25");
  await expect(page.getByTestId("log-search-count")).toHaveText(/ \/ 112$/);

  // A link to a line near the start of the history, found once the older pages have loaded.
  await page.goto("about:blank");
  await page.goto(`/tasks/${task.id}#log-7`);
  await expect(line(page, 7)).toBeInViewport({ timeout: 90_000 });
  await expect(page.getByTestId("log-selection")).toContainText("Line 7 selected");
  await expect(page.locator('[data-testid="log-row"][data-selected]')).toHaveCount(1);
  expect(await page.getByTestId("log-row").count()).toBeLessThan(60);
  await page.screenshot({ path: testInfo.outputPath("long-log-linked.png") });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("log-panel").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("long-log-phone.png") });
  await page.getByLabel("Search the log").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("long-log-phone-full.png"), fullPage: true });
});

test("a link into a long paragraph of streamed text brings that very line into view", async ({ page }, testInfo) => {
  const task = await createLongLogTask(db, { lines: 20, title: "Long paragraph" });
  // 400 chunks of one streamed answer, which the viewer shows as one row many screens tall.
  const chunks = Array.from({ length: 400 }, (_, i) => ({ subtaskId: task.subtasks[0]!.id, kind: "TEXT" as const, message: `Chunk ${i + 1} of a long streamed answer, which goes on for a good while before it ends. ` }));
  await recordLogs({ sql, publisher }, task.id, chunks);
  const target = 20 + 380;

  await page.goto(`/tasks/${task.id}#log-${target}`);
  await expect(line(page, target)).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("log-selection")).toContainText(`Line ${target} selected`);
  const row = page.locator('[data-testid="log-row"][data-selected]');
  await expect(row).toHaveAttribute("data-seq", "21");
  expect(await row.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(await page.getByTestId("log-panel").evaluate((panel) => panel.clientHeight));
  await page.screenshot({ path: testInfo.outputPath("long-paragraph-linked.png") });
});
