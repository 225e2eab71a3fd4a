// Reading the virtualised activity log from a test: only the rows near the view are in the DOM,
// so whole-log checks scroll through it, and finding a line goes through the log's own search.
import { expect, type Page } from "@playwright/test";

/** Every line's seq from top to bottom, scrolling the log through; fails on a line shown twice. */
export async function shownLogSeqs(page: Page): Promise<number[]> {
  return page.getByTestId("log-panel").evaluate(async (panel) => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen: number[] = [];
    const known = new Set<number>();
    panel.scrollTop = 0;
    await frames();
    for (;;) {
      const onScreen = [...panel.querySelectorAll<HTMLElement>('[data-testid="log-line"]')].map((line) => Number(line.dataset.seq));
      if (new Set(onScreen).size !== onScreen.length) throw new Error(`a line is shown twice: ${onScreen.join(",")}`);
      for (const seq of onScreen) {
        if (known.has(seq)) continue;
        known.add(seq);
        seen.push(seq);
      }
      if (panel.scrollTop + panel.clientHeight >= panel.scrollHeight - 1) return seen;
      panel.scrollTop += Math.max(1, Math.floor(panel.clientHeight / 2));
      await frames();
    }
  });
}

/** How many lines the log holds (the count in its header). */
export async function logLineTotal(page: Page): Promise<number> {
  return Number(await page.getByTestId("log-summary").getAttribute("data-count"));
}

/** Searches the log and steps to the first match, which the viewer brings into view. */
export async function findInLog(page: Page, text: string) {
  const search = page.getByLabel("Search the log");
  await search.fill(text);
  await expect(page.getByTestId("log-search-count")).toHaveText(/^– \/ \d+$/);
  await search.press("Enter");
  await expect(page.getByTestId("log-search-count")).toHaveText(/^\d+ \/ \d+$/);
}
