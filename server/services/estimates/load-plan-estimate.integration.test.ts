// Plan estimates from seeded history in the real PostgreSQL: similar titles (pg_trgm), the
// profile's history when too few are similar, defaults when there is none, prices from the price
// table, and the time from the schedule on the profiles' agent counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { loadPlanEstimate } from "./load-plan-estimate";

const deps = createTestDeps("estimates");
const SONNET = "claude-sonnet-5";

beforeAll(async () => {
  await resetData(deps);
  await deps.db.modelPrice.upsert({
    where: { model: SONNET },
    create: { model: SONNET, inputMicrosPerMTok: 3_000_000n, outputMicrosPerMTok: 15_000_000n, cacheWriteMicrosPerMTok: 3_750_000n, cacheReadMicrosPerMTok: 300_000n },
    update: { inputMicrosPerMTok: 3_000_000n, outputMicrosPerMTok: 15_000_000n, cacheWriteMicrosPerMTok: 3_750_000n, cacheReadMicrosPerMTok: 300_000n },
  });
  const profiles = Object.fromEntries((await deps.db.agentProfile.findMany()).map((p) => [p.name, p.id]));
  const task = await deps.db.task.create({ data: { title: "Earlier work", prompt: "Earlier work", status: "SUCCEEDED" } });
  const start = new Date("2026-11-01T10:00:00Z");
  const done = (index: number, title: string, profile: string, inputTokens: number, outputTokens: number, seconds: number, status: "SUCCEEDED" | "FAILED" = "SUCCEEDED") => ({
    taskId: task.id,
    index,
    title,
    instructions: title,
    capabilities: [],
    status,
    profileId: profiles[profile]!,
    inputTokens,
    outputTokens,
    startedAt: start,
    finishedAt: new Date(start.getTime() + seconds * 1000),
  });
  await deps.db.subtask.createMany({
    data: [
      done(0, "Analyze the largest file", "analyst", 1_000, 100, 10),
      done(1, "Analyze the 2nd largest file", "analyst", 2_000, 200, 20),
      done(2, "Analyze the 3rd largest file", "analyst", 3_000, 300, 30),
      // Failed runs say nothing about what a successful one costs.
      done(3, "Analyze the 5th largest file", "analyst", 900_000, 90_000, 900, "FAILED"),
      done(4, "Write the combined report", "generalist", 5_000, 500, 50),
    ],
  });
});
afterAll(() => deps.close());

const step = (title: string, capabilities: string[], dependsOn: number[] = [], estimateSeconds?: number) => ({ title, capabilities, dependsOn, priority: 5, estimateSeconds });

describe("loadPlanEstimate", () => {
  it("estimates each subtask from similar ones, its profile's history or defaults, and the plan from its schedule", async () => {
    const { estimate, routed } = await loadPlanEstimate(
      deps.db,
      [
        step("Analyze the 4th largest file", ["read", "analyze"]),
        step("Write the combined report", ["write"], [0, 2]),
        step("Look up prior art", ["research"], [], 30),
      ],
      { defaultModel: SONNET },
    );
    expect(routed.map((profile) => profile?.name)).toEqual(["analyst", "generalist", "researcher"]);

    const [analyze, report, research] = estimate.subtasks;
    // Three similar titles: 2,000 in and 200 out on average, 20 s; $3 and $15 per MTok.
    expect(analyze).toMatchObject({ basis: "similar", samples: 3, tokens: 2_200, costMicros: 9_000n, seconds: 20 });
    // One similar title is not enough; the generalist's one succeeded subtask is its history.
    expect(report).toMatchObject({ basis: "profile", samples: 1, tokens: 5_500, costMicros: 22_500n, seconds: 50 });
    // The researcher never ran: default usage, the planner's 30 s.
    expect(research).toMatchObject({ basis: "default", samples: 0, seconds: 30 });

    expect(estimate.costMicros).toBe(9_000n + 22_500n + research!.costMicros);
    expect(estimate.tokens).toBe(2_200 + 5_500 + research!.tokens);
    // The report waits for the longer of its two dependencies (30 s), then takes 50 s.
    expect(estimate.seconds).toBe(80);
    expect(report!.startSeconds).toBe(30);
  });

  it("uses the model's price from the price table", async () => {
    await deps.db.agentProfile.update({ where: { name: "researcher" }, data: { model: "claude-unpriced" } });
    try {
      const { estimate } = await loadPlanEstimate(deps.db, [step("Look up prior art", ["research"])], { defaultModel: SONNET });
      expect(estimate.costMicros).toBe(0n);
      expect(estimate.unpricedModels).toEqual(["claude-unpriced"]);
    } finally {
      await deps.db.agentProfile.update({ where: { name: "researcher" }, data: { model: null } });
    }
  });
});
