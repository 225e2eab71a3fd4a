// The fleet pause in the real Redis: the later of two pauses is kept, and an agent's reads a few
// milliseconds apart reuse one answer while its own pauses are seen at once.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/test-deps";
import { createFleetPause, withRecentReads } from "./fleet-pause";

const deps = createTestDeps("fleet-pause");
afterEach(() => deps.redis.del(deps.keys.fleetPause));
afterAll(() => deps.close());

describe("fleet pause", () => {
  it("keeps the later of two pauses", async () => {
    const pause = createFleetPause(deps.redis, deps.keys.fleetPause);
    const later = Date.now() + 60_000;
    expect(await pause.pauseUntil(later, "first 429")).toBe(true);
    expect(await pause.pauseUntil(later - 30_000, "an earlier reset")).toBe(false);
    expect(await pause.read()).toEqual({ until: later, reason: "first 429" });
  });

  it("answers reads within the fresh window from the last one, and sees its own pause at once", async () => {
    let clock = Date.now();
    const shared = createFleetPause(deps.redis, deps.keys.fleetPause);
    const agent = withRecentReads(createFleetPause(deps.redis, deps.keys.fleetPause, () => clock), 250, () => clock);

    expect(await agent.read()).toBeNull();
    // Another agent pauses the fleet: within 250 ms of the last read this agent still has that answer.
    await shared.pauseUntil(clock + 60_000, "another agent's 429");
    clock += 100;
    expect(await agent.read()).toBeNull();
    clock += 200;
    expect(await agent.read()).toMatchObject({ reason: "another agent's 429" });

    // Its own pause replaces the remembered answer at once.
    await deps.redis.del(deps.keys.fleetPause);
    clock += 300;
    expect(await agent.read()).toBeNull();
    await agent.pauseUntil(clock + 30_000, "this agent's 429");
    expect(await agent.read()).toMatchObject({ reason: "this agent's 429" });

    // A pause that has run out is no pause.
    clock += 31_000;
    expect(await agent.read()).toBeNull();
  });
});
