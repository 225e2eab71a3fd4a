// A host whose place is taken by other profiles' minimums: a subtask for a profile with no agent
// still runs. The real daemon retires an idle agent of a profile with nothing waiting, starts the
// one the subtask needs, and the task finishes; each step is a ScalingEvent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { savePlan } from "../../server/services/orchestration/save-plan";
import { startDaemon, type RunningDaemon } from "../../server/testing/start-daemon";
import { createTestDeps, resetData, waitFor } from "../../server/testing/test-deps";

const deps = createTestDeps("full-host");
let daemon: RunningDaemon;

beforeAll(async () => {
  await resetData(deps);
  await deps.db.scalingEvent.deleteMany({});
  // Two places, both held by minimums; a long cool-down, so only making room retires an agent.
  const config = [
    "fleet:",
    "  profiles:",
    "    analyst: { minAgents: 1, maxAgents: 1 }",
    "    generalist: { minAgents: 1, maxAgents: 1 }",
    "    researcher: { minAgents: 0, maxAgents: 1 }",
    "    tester: { minAgents: 0, maxAgents: 0 }",
    "intervals:",
    "  autoscale: 300ms",
    "  cooldown: 10m",
  ];
  daemon = await startDaemon({ prefix: deps.prefix, config, env: { BATON_MAX_AGENTS: "2" } });
  await waitFor("one analyst and one generalist to be idle", async () => (await deps.db.agentProcess.count({ where: { state: "IDLE" } })) === 2, 120_000);
}, 150_000);

afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

describe("a full host", () => {
  it("runs a subtask whose profile has no agent by retiring an idle agent of another profile", { timeout: 180_000 }, async () => {
    const task = await deps.db.task.create({ data: { title: "Look something up", prompt: "Find the release date. [sim:instant]" } });
    await savePlan(deps, task.id, { subtasks: [{ title: "Look it up", instructions: "Find it. [sim:instant]", capabilities: ["research"], dependsOn: [], priority: 5, optional: false }] }, deps);

    const done = await waitFor("the task to finish", async () => {
      const row = await deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
      return ["SUCCEEDED", "FAILED", "CANCELLED"].includes(row.status) ? row : null;
    }, 120_000, 200);
    expect(done.status, daemon.output()).toBe("SUCCEEDED");

    const subtask = await deps.db.subtask.findFirstOrThrow({ where: { taskId: task.id } });
    expect(subtask.status).toBe("SUCCEEDED");
    const agent = await deps.db.agentProcess.findUniqueOrThrow({ where: { id: subtask.agentId! }, include: { profile: true } });
    expect(agent.profile.name).toBe("researcher");

    const events = await deps.db.scalingEvent.findMany({ orderBy: { createdAt: "asc" }, include: { profile: true } });
    const room = events.find((e) => e.action === "scale_down" && e.reason.startsWith("making room for researcher"));
    expect(room, JSON.stringify(events.map((e) => [e.profile.name, e.action, e.reason]))).toBeDefined();
    expect(["analyst", "generalist"]).toContain(room!.profile.name);
    expect(events.some((e) => e.profile.name === "researcher" && e.action === "scale_up" && e.reason === "1 waiting, no agent")).toBe(true);
  });
});
