// Log viewer with a long log: writes a finished task with 50,000 log lines into the database of
// a running Baton, opens its page in Chromium as a fresh owner session, and prints the time to
// the newest lines, the time until all history has loaded, the rows in the DOM, and frame
// timings while the log is scrolled from its end to its start and at reading speed.
//
//   BATON_URL=http://localhost:3000 DATABASE_URL=postgresql://…/baton npm run bench:log-viewer
//
// Use a production build (`next build`, then the server with NODE_ENV=production); development
// mode compiles on demand and measures the compiler. The task and session are removed at the end.
import { randomBytes } from "node:crypto";
import { chromium } from "@playwright/test";
import { SESSION_COOKIE_NAMES } from "../server/auth/authenticate";
import { createPrisma } from "../server/db/create-prisma";
import { createLongLogTask } from "../server/testing/long-log-task";

const LINES = Number(process.env.BENCH_LOG_LINES ?? 50_000);
const SCROLL_FRAMES = 240;
const baseUrl = process.env.BATON_URL ?? "http://localhost:3000";
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the database of the Baton at BATON_URL.");
const db = createPrisma(process.env.DATABASE_URL, { max: 2 });

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const user = await db.user.upsert({ where: { email: "bench-log-viewer@example.test" }, update: {}, create: { email: "bench-log-viewer@example.test", role: "VIEWER", name: "Log viewer benchmark" } });
const sessionToken = randomBytes(32).toString("hex");
await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
const inserting = performance.now();
const task = await createLongLogTask(db, { lines: LINES, title: "Log viewer benchmark" });
console.log(`log viewer with ${LINES.toLocaleString("en-US")} lines (inserted in ${ms(performance.now() - inserting)})`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: SESSION_COOKIE_NAMES[1]!, value: sessionToken, url: baseUrl }]);
  const page = await context.newPage();
  // Warm-up: the first request compiles nothing in production but fills the server's caches.
  await page.goto(`${baseUrl}/tasks/${task.id}`);
  await page.locator(`[data-testid="log-line"][data-seq="${LINES}"]`).waitFor();

  await page.goto(`${baseUrl}/tasks/${task.id}`, { waitUntil: "commit" });
  await page.locator(`[data-testid="log-line"][data-seq="${LINES}"]`).waitFor({ timeout: 60_000 });
  const firstLines = await page.evaluate(() => performance.now());
  await page.waitForFunction((lines) => document.querySelector('[data-testid="log-summary"]')?.getAttribute("data-count") === String(lines), LINES, { timeout: 120_000, polling: 50 });
  const allLoaded = await page.evaluate(() => performance.now());
  const rowsInDom = await page.getByTestId("log-row").count();
  console.log(`  newest lines visible after navigation start: ${ms(firstLines)}`);
  console.log(`  all ${LINES.toLocaleString("en-US")} lines loaded: ${ms(allLoaded)}`);
  console.log(`  rows in the DOM: ${rowsInDom}`);

  // Scroll upwards one step per frame and time every frame: a fling through the whole log (every
  // frame shows new rows), then reading speed (a wheel notch, 100 px, per frame).
  const scrollFrames = (stepPx: number | "whole log") =>
    page.getByTestId("log-panel").evaluate(
      async (panel, { count, stepPx }) => {
        const intervals: number[] = [];
        const step = stepPx === "whole log" ? Math.ceil(panel.scrollHeight / count) : stepPx;
        let last = performance.now();
        for (let i = 0; i < count; i++) {
          panel.scrollTop = Math.max(0, panel.scrollTop - step);
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const now = performance.now();
          intervals.push(now - last);
          last = now;
        }
        return intervals;
      },
      { count: SCROLL_FRAMES, stepPx },
    );
  const report = (label: string, frames: number[]) =>
    console.log(`  ${label}: p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))}, max ${ms(Math.max(...frames))}, frames over 50 ms: ${frames.filter((frame) => frame > 50).length} of ${frames.length}`);
  report(`scrolling end → start in ${SCROLL_FRAMES} frames`, await scrollFrames("whole log"));
  await page.getByTestId("log-panel").evaluate((panel) => panel.scrollTo({ top: panel.scrollHeight }));
  report(`scrolling up 100 px a frame for ${SCROLL_FRAMES} frames`, await scrollFrames(100));

  const jump = await page.getByTestId("log-panel").evaluate(async (panel) => {
    const start = performance.now();
    panel.scrollTop = panel.scrollHeight;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - start;
  });
  console.log(`  jump from start to end (two frames): ${ms(jump)}`);
} finally {
  await browser.close();
  await db.task.delete({ where: { id: task.id } });
  await db.session.deleteMany({ where: { sessionToken } });
  await db.$disconnect();
}
