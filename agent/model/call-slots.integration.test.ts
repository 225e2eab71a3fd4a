// The per-profile cap on concurrent model calls, against the real Redis: at most `limit` holders,
// waiters get a slot as soon as one frees, and a holder that dies without releasing frees its
// slot when its lease runs out.
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "../../server/create-redis";
import { createCallSlots } from "./call-slots";

const redis = createRedis(process.env.REDIS_URL!);
const key = (group: string) => `${process.env.BATON_REDIS_PREFIX ?? "baton-test"}-slots-${process.pid}:${group}`;
afterAll(async () => {
  await redis.del(key("a"), key("b"));
  await redis.quit();
});

describe("call slots", () => {
  it("lets `limit` callers in at once and the next one in when a slot is released", async () => {
    const slots = createCallSlots(redis, key, { leaseMs: 5000, pollMs: 20 });
    const signal = new AbortController().signal;
    const first = await slots.acquire("a", 2, signal);
    const second = await slots.acquire("a", 2, signal);
    let third = false;
    const waiting = slots.acquire("a", 2, signal).then((release) => {
      third = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(third).toBe(false);
    await first();
    await (await waiting)();
    await second();
    expect(third).toBe(true);
  });

  it("frees the slot of a holder that never releases once its lease runs out", async () => {
    // What a killed agent leaves behind: its slot, with the lease it last renewed.
    await redis.zadd(key("b"), Date.now() + 300, "killed-agent");
    const slots = createCallSlots(redis, key, { leaseMs: 300, pollMs: 20 });
    const started = Date.now();
    const release = await slots.acquire("b", 1, new AbortController().signal);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(2000);
    await release();
  });

  it("stops waiting when the call is aborted", async () => {
    const slots = createCallSlots(redis, key, { leaseMs: 5000, pollMs: 20 });
    const release = await slots.acquire("a", 1, new AbortController().signal);
    const controller = new AbortController();
    const waiting = slots.acquire("a", 1, controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    await release();
  });
});
