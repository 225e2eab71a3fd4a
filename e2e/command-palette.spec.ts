// The command palette: opened from the keyboard on any dashboard page, it finds a task by its
// title and opens it, runs actions (the theme) and closes with Escape, all without a mouse.
import { expect, test, type Page } from "@playwright/test";
import { mutate } from "./support/api";

/** The server-rendered page shows before React attaches the shortcut; a key pressed earlier is lost. */
const paletteReady = (page: Page) => expect(page.locator("html")).toHaveAttribute("data-command-palette", "ready");

test("Ctrl+K finds a task by its title and opens it, from the keyboard alone", async ({ page, baseURL }, testInfo) => {
  const title = `Palette target ${Date.now()}`;
  const task = await mutate<{ id: string }>(page.request, baseURL!, "task.create", { title, prompt: "Summarise the workspace's README in three sentences" });

  await page.goto("/agents");
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
  await paletteReady(page);
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  const input = palette.getByRole("combobox");
  await expect(input).toBeFocused();

  await page.keyboard.type(title);
  const option = palette.getByRole("option", { name: new RegExp(title) });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.screenshot({ path: testInfo.outputPath("palette-search.png") });
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/tasks/${task.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(palette).toBeHidden();
});

test("Enter pressed before the search answers opens the first task it finds", async ({ page, baseURL }) => {
  // The word is only in the prompt: no row can match it until the server's search answers.
  const word = `zephyrine${Date.now()}`;
  const title = `Palette prompt match ${Date.now()}`;
  const task = await mutate<{ id: string }>(page.request, baseURL!, "task.create", { title, prompt: `Describe the ${word} module in two sentences` });

  // The search for the word answers a second late, so Enter surely comes first.
  await page.route(
    (url) => url.pathname.startsWith("/api/trpc/") && url.search.includes(word),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    },
  );
  await page.goto("/agents");
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
  await paletteReady(page);
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type(word);
  await expect(palette.getByRole("option")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/tasks/${task.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(palette).toBeHidden();
});

test("the palette lists pages and actions, switches the theme, and closes with Escape", async ({ page }, testInfo) => {
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await paletteReady(page);
  const search = page.getByRole("button", { name: "Search" });
  await search.focus();
  await page.keyboard.press("Enter");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette.getByRole("combobox")).toBeFocused();
  await expect(palette.getByRole("option", { name: "Audit log" })).toBeVisible();
  await expect(palette.getByRole("option", { name: "Create a task" })).toBeVisible();

  await page.keyboard.type("dark theme");
  await expect(palette.getByRole("option", { name: "Switch to the dark theme" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(palette).toBeHidden();

  // The choice is kept, and a reload is dark from its very first paint (before any React code runs).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { darkAtFirstBody: boolean }).darkAtFirstBody = document.documentElement.classList.contains("dark");
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { darkAtFirstBody: boolean }).darkAtFirstBody)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath("tokens-dark.png"), fullPage: true });

  await page.keyboard.press("Control+k");
  await expect(palette).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
  await page.keyboard.press("Control+k");
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("light theme");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});
