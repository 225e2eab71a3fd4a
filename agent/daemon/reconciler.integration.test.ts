// The reconciler runs on whichever daemon holds a Redis lock. A daemon that starts runs it at
// once, and takes the lock over from a holder on its own host that is gone (a daemon killed with
// -9 keeps the lock until it expires), never from a live one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../server/testing/test-deps";
import { processAlive } from "./process-tree";
import { startReconciler } from "./reconciler";

const deps = createTestDeps("reconciler");
const lockKey = `${deps.prefix}:reconcile-lock`;
const reconcilers: { stop(): void }[] = [];

beforeAll(() => resetData(deps));
afterAll(async () => {
  for (const reconciler of reconcilers) reconciler.stop();
  await deps.close();
});

function start(owner: string, gone: string[]) {
  const reconciler = startReconciler({ deps, redis: deps.redis, lockKey, owner, intervalMs: 60_000, agentStaleMs: 30_000, holderIsGone: (holder) => gone.includes(holder) });
  reconcilers.push(reconciler);
  return reconciler;
}

describe("the reconciler's lock", () => {
  it("is taken over from a holder that is gone, and the first pass runs at once", async () => {
    await deps.redis.set(lockKey, "vm:killed-daemon", "PX", 60_000);
    const reconciler = start("vm:new-daemon", ["vm:killed-daemon"]);
    // The pass started by start() holds the run; wait for it by the lock changing hands.
    for (let i = 0; i < 100 && (await deps.redis.get(lockKey)) !== "vm:new-daemon"; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await deps.redis.get(lockKey)).toBe("vm:new-daemon");
    // Once that pass is over, the next one runs too (runOnce answers null while one is running).
    let report = null;
    for (let i = 0; i < 100 && !report; i++) report = await reconciler.runOnce() ?? (await new Promise((resolve) => setTimeout(resolve, 50)), null);
    expect(report).not.toBeNull();
  });

  it("is left to a live holder", async () => {
    await deps.redis.set(lockKey, "vm:live-daemon", "PX", 60_000);
    const reconciler = start("vm:other-daemon", []);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the pass start() began has ended
    expect(await reconciler.runOnce()).toBeNull();
    expect(await deps.redis.get(lockKey)).toBe("vm:live-daemon");
  });
});

describe("processAlive", () => {
  it("tells this process from a pid that does not exist", () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 1)).toBe(false);
    expect(processAlive(0)).toBe(false);
  });
});
