// Every page, in the light and the dark theme at desktop width and once at phone width: no
// serious or critical WCAG 2 A/AA violation (axe), no sideways scrolling, and a full-page
// screenshot in the test output to look at. At desktop width the page is loaded once: the system
// theme then turns dark under it (the page follows it live), and only the rules a theme can
// change run again. A dark first paint is checked by the command palette's test. Each view's
// pages open as tabs of one browser session (one signed in, one signed out), as a user's would:
// the scripts load once from the browser's cache instead of once per page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { finishedTask, mutate } from "./support/api";
import { OWNER_STATE } from "./support/sign-in";

interface PageCase {
  name: string;
  path: () => string;
  /** Public pages are seen without a session. */
  signedOut?: boolean;
  /** Something the page shows once its data is in. */
  ready: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

const data = { taskId: "", shareToken: "" };

const PAGES: PageCase[] = [
  { name: "overview", path: () => "/", ready: heading("Overview") },
  { name: "tasks", path: () => "/tasks", ready: heading("Tasks") },
  { name: "new-task", path: () => "/tasks/new", ready: heading("New task") },
  { name: "task", path: () => `/tasks/${data.taskId}`, ready: async (page) => await expect(page.getByTestId("task-result")).toBeVisible() },
  { name: "agents", path: () => "/agents", ready: heading("Agents") },
  { name: "analytics", path: () => "/analytics", ready: heading("Analytics") },
  { name: "tokens", path: () => "/settings/tokens", ready: heading("API tokens") },
  { name: "members", path: () => "/admin/members", ready: heading("Members") },
  { name: "audit", path: () => "/admin/audit", ready: heading("Audit log") },
  { name: "profiles", path: () => "/admin/profiles", ready: heading("Profiles") },
  { name: "profile-new", path: () => "/admin/profiles/new", ready: heading("New profile") },
  { name: "pricing", path: () => "/admin/pricing", ready: heading("Pricing") },
  { name: "not-found", path: () => "/tasks/no-such-task", ready: async (page) => await expect(page.getByTestId("not-found")).toBeVisible() },
  { name: "signin", path: () => "/signin", signedOut: true, ready: heading("Sign in to Baton") },
  { name: "not-invited", path: () => "/not-invited", signedOut: true, ready: async (page) => await expect(page.getByTestId("not-invited")).toBeVisible() },
  { name: "share", path: () => `/share/${data.shareToken}`, signedOut: true, ready: async (page) => await expect(page.getByTestId("task-result")).toBeVisible() },
];

const VIEWS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, themes: ["light", "dark"] as const },
  { name: "phone", viewport: { width: 390, height: 844 }, themes: ["light"] as const },
];

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** The rules among those whose outcome depends on colours alone. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

test.beforeAll(async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: OWNER_STATE });
  const task = await finishedTask(context.request, baseURL!, {
    title: "Survey the workspace files",
    prompt: "Survey the three largest files in the workspace, summarise each, then write a combined report",
  });
  expect(task.status).toBe("SUCCEEDED");
  data.taskId = task.id;
  const link = await mutate<{ path: string }>(context.request, baseURL!, "share.create", { taskId: task.id, includeLogs: true });
  data.shareToken = link.path.split("/share/")[1]!;
  await context.close();
});

type View = (typeof VIEWS)[number];
/** One browser session per view and per kind of visitor, kept for the worker's life. */
const sessions = new Map<string, Promise<BrowserContext>>();

function session(browser: Browser, view: View, signedOut: boolean): Promise<BrowserContext> {
  const key = `${view.name}:${signedOut ? "signed-out" : "owner"}`;
  if (!sessions.has(key)) sessions.set(key, browser.newContext({ viewport: view.viewport, colorScheme: "light", storageState: signedOut ? undefined : OWNER_STATE }));
  return sessions.get(key)!;
}

test.afterAll(async () => {
  await Promise.all([...sessions.values()].map(async (context) => (await context).close()));
  sessions.clear();
});

async function openPage(browser: Browser, view: View, pageCase: PageCase) {
  const page = await (await session(browser, view, pageCase.signedOut ?? false)).newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(pageCase.path());
  await pageCase.ready(page);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  return { page, errors };
}

async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Only violations are read: axe then keeps no node lists for the rules that passed.
  const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  const results = await (rules ? axe.withRules(rules) : axe.withTags(WCAG_TAGS)).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(", ")}`);
}

for (const view of VIEWS) {
  test.describe(view.name, () => {
    for (const pageCase of PAGES) {
      test(`${pageCase.name} is accessible and fits the screen (${view.themes.join(" and ")})`, async ({ browser }, testInfo) => {
        const { page, errors } = await openPage(browser, view, pageCase);
        for (const theme of view.themes) {
          if (theme === "dark") await page.emulateMedia({ colorScheme: "dark" });
          await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
          await page.screenshot({ path: testInfo.outputPath(`${view.name}-${theme}-${pageCase.name}.png`), fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `the page scrolls sideways (${theme})`).toBeLessThanOrEqual(0);
          expect(await seriousViolations(page, theme === "dark" ? COLOUR_RULES : undefined), theme).toEqual([]);
        }
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  });
}
