// The sparklines' series in real Redis: capped at the last samples, oldest first, expiring once
// an agent is no longer sampled, and unreadable entries skipped.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/test-deps";
import { AGENT_SAMPLE_LIMIT, createAgentSamples } from "./agent-samples";

const deps = createTestDeps("agent-samples");
const samples = createAgentSamples(deps.redis, deps.keys);
afterAll(() => deps.close());

describe("agent samples", () => {
  it("keeps the last samples of each agent, oldest first", async () => {
    for (let i = 0; i < AGENT_SAMPLE_LIMIT + 15; i++) await samples.record("agent-a", { at: 1000 + i, cpuPercent: i + 0.04, rssBytes: 1_000_000 + i });
    await samples.record("agent-b", { at: 5, cpuPercent: 12.5, rssBytes: 42 });
    const series = await samples.read(["agent-a", "agent-b", "agent-c"]);
    const a = series.get("agent-a")!;
    expect(a).toHaveLength(AGENT_SAMPLE_LIMIT);
    expect(a[0]).toEqual({ at: 1015, cpuPercent: 15, rssBytes: 1_000_015 });
    expect(a.at(-1)).toEqual({ at: 1000 + AGENT_SAMPLE_LIMIT + 14, cpuPercent: AGENT_SAMPLE_LIMIT + 14, rssBytes: 1_000_000 + AGENT_SAMPLE_LIMIT + 14 });
    expect(series.get("agent-b")).toEqual([{ at: 5, cpuPercent: 12.5, rssBytes: 42 }]);
    expect(series.get("agent-c")).toEqual([]);
  });

  it("expires a series that stops being sampled", async () => {
    await samples.record("agent-d", { at: 1, cpuPercent: 1, rssBytes: 1 });
    const ttl = await deps.redis.pttl(deps.keys.agentSamples("agent-d"));
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
  });

  it("skips entries it cannot read", async () => {
    await deps.redis.rpush(deps.keys.agentSamples("agent-e"), "not json", JSON.stringify(["x", 1, 2]), JSON.stringify([7, 1.5, 300]));
    expect((await samples.read(["agent-e"])).get("agent-e")).toEqual([{ at: 7, cpuPercent: 1.5, rssBytes: 300 }]);
  });
});
