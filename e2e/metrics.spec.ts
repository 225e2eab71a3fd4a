// /api/metrics through the real web server: served to this host's loopback address, refused to a
// request relayed by a proxy Baton does not trust, and a client cannot claim to be unrelayed.
import { expect, test } from "@playwright/test";

test("metrics are served on loopback and refused when relayed, whatever the client claims", async ({ playwright, baseURL }) => {
  // A fresh context: no session cookie, as a Prometheus scraper has none.
  const scraper = await playwright.request.newContext({ baseURL });
  try {
    const direct = await scraper.get("/api/metrics");
    expect(direct.status()).toBe(200);
    expect(await direct.text()).toContain("# TYPE baton_queue_depth gauge");

    const relayed = await scraper.get("/api/metrics", { headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(relayed.status()).toBe(403);
    expect(await relayed.text()).toContain("only to this host's loopback address");

    const forged = await scraper.get("/api/metrics", { headers: { "x-forwarded-for": "198.51.100.7", "x-baton-relayed": "0", "x-baton-client-address": "127.0.0.1" } });
    expect(forged.status()).toBe(403);
  } finally {
    await scraper.dispose();
  }
});
