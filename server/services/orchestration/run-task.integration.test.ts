// A whole task through the real daemon, agent processes, simulated Claude, PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData, seededFleetIdle, waitFor } from "../../testing/test-deps";
import { startDaemon, type RunningDaemon } from "../../testing/start-daemon";
import { createTask } from "../tasks/create-task";
import { processAlive } from "../../../agent/daemon/process-tree";

const deps = createTestDeps("run");
let daemon: RunningDaemon;

beforeAll(async () => {
  await resetData(deps);
  // A little model latency so that parallel subtasks measurably overlap.
  daemon = await startDaemon({ prefix: deps.prefix, env: { SIM_FIRST_TOKEN_DELAY_MS: "150", SIM_TOKEN_DELAY_MS: "1" } });
  await seededFleetIdle(deps);
}, 150_000);

afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

const finished = (taskId: string) =>
  waitFor(`task ${taskId} to finish`, async () => {
    const task = await deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    return ["SUCCEEDED", "FAILED", "CANCELLED"].includes(task.status) ? task : null;
  }, 45_000);

describe("a diamond-shaped task", () => {
  it("completes, respects dependencies and runs independent subtasks in parallel on different agents", async () => {
    const created = await createTask(deps, {
      request: { prompt: "Summarise the two largest files in the workspace, then write a combined report.", priority: 5 },
      userId: null,
    });
    const task = await finished(created.id);
    expect(task.status, `${task.statusReason}\n${daemon.output()}`).toBe("SUCCEEDED");
    expect(task.resultMarkdown).toMatch(/^# /);

    const subtasks = await deps.db.subtask.findMany({
      where: { taskId: task.id },
      orderBy: { index: "asc" },
      include: { dependsOn: true },
    });
    expect(subtasks.map((s) => s.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
    const byId = new Map(subtasks.map((s) => [s.id, s]));
    for (const subtask of subtasks) {
      for (const edge of subtask.dependsOn) {
        const dependency = byId.get(edge.dependsOnId)!;
        expect(subtask.startedAt!.getTime()).toBeGreaterThanOrEqual(dependency.finishedAt!.getTime());
      }
    }

    const [left, right] = subtasks.filter((s) => s.dependsOn.length === 1);
    expect(left!.agentId).not.toBe(right!.agentId);
    const overlapMs = Math.min(left!.finishedAt!.getTime(), right!.finishedAt!.getTime()) - Math.max(left!.startedAt!.getTime(), right!.startedAt!.getTime());
    expect(overlapMs).toBeGreaterThan(0);

    const logs = await deps.db.logEvent.findMany({ where: { taskId: task.id }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(logs.map((l) => l.seq)).toEqual(logs.map((_, i) => i + 1));
    expect(task.inputTokens).toBeGreaterThan(0);
  });

  it("retries an invalid plan once with the validation error and then runs it", async () => {
    const created = await createTask(deps, { request: { prompt: "Survey two files [sim:invalid-plan]", priority: 5 }, userId: null });
    const task = await finished(created.id);
    expect(task.status).toBe("SUCCEEDED");
    const rejected = await deps.db.logEvent.count({ where: { taskId: task.id, kind: "TOOL_RESULT", message: { contains: "The plan is invalid" } } });
    expect(rejected).toBe(1);
  });

  it("fails the task with the validation error when the plan is invalid twice", async () => {
    const created = await createTask(deps, { request: { prompt: "Survey two files [sim:invalid-plan-always]", priority: 5 }, userId: null });
    const task = await finished(created.id);
    expect(task.status).toBe("FAILED");
    expect(task.statusReason).toMatch(/invalid plan twice.*dependency/i);
    expect(await deps.db.subtask.count({ where: { taskId: task.id } })).toBe(0);
  });

  it("recovers from a rate-limited model call through the SDK's retry", async () => {
    const created = await createTask(deps, { request: { prompt: "Survey two files [sim:fail=429]", priority: 5 }, userId: null });
    const task = await finished(created.id);
    expect(task.status).toBe("SUCCEEDED");
  });
});

describe("the agent daemon", () => {
  it("stops every agent process when it gets SIGTERM", async () => {
    // Each agent's row follows its state once the daemon's write of it lands.
    const settled = () => deps.db.agentProcess.findMany({ where: { state: { in: ["IDLE", "WORKING"] } } });
    const agents = await waitFor("four agents recorded idle or working", async () => {
      const found = await settled();
      return found.length >= 4 && found;
    }, 10_000).catch(settled);
    expect(agents).toHaveLength(4);
    expect(await daemon.stop()).toBe(0);
    for (const agent of agents) expect(processAlive(agent.pid!), `agent ${agent.pid} is still running`).toBe(false);
    const after = await deps.db.agentProcess.findMany({ where: { id: { in: agents.map((a) => a.id) } } });
    expect(after.map((a) => a.state)).toEqual(agents.map(() => "EXITED"));
  });
});
