// Autoscaling through the real daemon, agents, simulated Claude, PostgreSQL and Redis: a burst of
// subtasks grows a profile to its maximum, and after the burst the idle agents are retired down
// to the minimum once the (shortened) cool-down has passed. Every step is a ScalingEvent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask } from "../../server/services/tasks/create-task";
import { startDaemon, type RunningDaemon } from "../../server/testing/start-daemon";
import { createTestDeps, resetData, waitFor } from "../../server/testing/test-deps";

const deps = createTestDeps("autoscale");
let daemon: RunningDaemon;
let analystId = "";

const liveAnalysts = () => deps.db.agentProcess.count({ where: { profileId: analystId, state: { notIn: ["EXITED", "CRASHED", "TERMINATING"] } } });

beforeAll(async () => {
  await resetData(deps);
  analystId = (await deps.db.agentProfile.findUniqueOrThrow({ where: { name: "analyst" } })).id;
  await deps.db.scalingEvent.deleteMany({});
  const config = [
    "fleet:",
    "  maxAgents: 6",
    "  profiles:",
    "    analyst: { minAgents: 1, maxAgents: 3 }",
    "    generalist: { minAgents: 1, maxAgents: 1 }",
    "    researcher: { minAgents: 0, maxAgents: 0 }",
    "    tester: { minAgents: 0, maxAgents: 0 }",
    "intervals:",
    "  autoscale: 300ms",
    "  cooldown: 2s",
  ];
  // Slow model replies, so each subtask keeps its agent busy for a few seconds.
  daemon = await startDaemon({ prefix: deps.prefix, config, env: { SIM_FIRST_TOKEN_DELAY_MS: "1200", SIM_TOKEN_DELAY_MS: "0" } });
  await waitFor("one analyst and one generalist to be idle", async () => (await deps.db.agentProcess.count({ where: { state: "IDLE" } })) === 2, 120_000);
}, 150_000);

afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

describe("autoscaling", () => {
  it("grows a profile to its maximum for a burst and shrinks it back to the minimum after the cool-down", { timeout: 300_000 }, async () => {
    const task = await createTask(deps, { request: { prompt: "Survey the workspace [sim:wide=8]", priority: 5 }, userId: null });
    const burstAt = await waitFor("the branches to be queued", async () => {
      const queued = await deps.db.subtask.count({ where: { taskId: task.id, status: "QUEUED" } });
      return queued >= 4 ? Date.now() : null;
    }, 90_000, 50);

    let peak = 0;
    const grown = await waitFor("three analysts", async () => {
      peak = Math.max(peak, await liveAnalysts());
      return peak >= 3 ? Date.now() : null;
    }, 90_000, 100);
    console.log(`burst → 3 analysts in ${grown - burstAt} ms`);

    const done = await waitFor("the task to finish", async () => {
      peak = Math.max(peak, await liveAnalysts());
      const row = await deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
      return ["SUCCEEDED", "FAILED"].includes(row.status) ? row : null;
    }, 180_000, 200);
    expect(done.status, daemon.output()).toBe("SUCCEEDED");
    const finishedAt = Date.now();
    expect(peak).toBe(3);

    await waitFor("the analysts to shrink back to one", async () => (await liveAnalysts()) === 1, 60_000, 100);
    const lastAnalystWork = await deps.db.subtask.aggregate({ where: { taskId: task.id, profileId: analystId }, _max: { finishedAt: true } });
    const shrunkAt = Date.now();
    console.log(`last analyst subtask done → back to 1 analyst in ${shrunkAt - lastAnalystWork._max.finishedAt!.getTime()} ms (cool-down 2 s; ${shrunkAt - finishedAt} ms after the task finished)`);

    const events = await deps.db.scalingEvent.findMany({ where: { profileId: analystId }, orderBy: { createdAt: "asc" } });
    const ups = events.filter((e) => e.action === "scale_up");
    const downs = events.filter((e) => e.action === "scale_down");
    expect(ups.map((e) => e.toCount)).toEqual([1, 2, 3]);
    expect(ups[1]!.reason).toMatch(/^\d+ waiting, \d idle or starting$/);
    expect(downs.map((e) => `${e.fromCount}→${e.toCount}`)).toEqual(["3→2", "2→1"]);
    expect(downs[0]!.reason).toMatch(/^idle \d+ s \(cool-down 2 s\), above minimum 1$/);
    expect(Math.max(...events.map((e) => e.toCount))).toBeLessThanOrEqual(3);
    // Quiet: nothing refused, and no decision repeated while nothing changed.
    expect(events.filter((e) => e.action === "refused")).toEqual([]);
  });
});
