// Holds back the answer to a list's next page (the tRPC request that carries a cursor) until
// released, for tests of what a page does while "Load more" is loading.
import type { Page } from "@playwright/test";

export async function holdNextPage(page: Page, procedure: string): Promise<{ requested: Promise<void>; release(): void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let markRequested!: () => void;
  const requested = new Promise<void>((resolve) => (markRequested = resolve));
  await page.route(new RegExp(`/api/trpc/[^?]*${procedure.replaceAll(".", "\\.")}`), async (route) => {
    if (decodeURIComponent(route.request().url()).includes('"cursor"')) {
      markRequested();
      await released;
    }
    await route.continue();
  });
  return { requested, release };
}
