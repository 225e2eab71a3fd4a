// The daemon's resource policy with real processes: a command inside an agent's sandbox that
// allocates far past the profile's memory limit gets the agent and its whole process tree
// killed; the subtask goes back to the queue as a counted attempt, with the reason on the
// subtask and in the task's log, and completes on another agent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask } from "../../server/services/tasks/create-task";
import { startDaemon, type RunningDaemon } from "../../server/testing/start-daemon";
import { createTestDeps, resetData, waitFor } from "../../server/testing/test-deps";

const deps = createTestDeps("resource-policy");
let daemon: RunningDaemon;

beforeAll(async () => {
  await resetData(deps);
  await deps.db.scalingEvent.deleteMany({});
  await deps.db.agentProfile.updateMany({ data: { approvalMode: "NONE" } });
  daemon = await startDaemon({
    prefix: deps.prefix,
    args: ["--fleet", "generalist=2-2", "--fleet", "analyst=1-1", "--fleet", "researcher=0-0", "--fleet", "tester=0-0", "--sample", "250ms"],
  });
  await waitFor("three idle agents", async () => (await deps.db.agentProcess.count({ where: { state: "IDLE" } })) === 3, 120_000);
}, 150_000);

afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

describe("resource policy", () => {
  it("kills an agent whose process tree goes over the memory limit and re-runs its subtask on another agent", { timeout: 240_000 }, async () => {
    const generalist = await deps.db.agentProfile.findUniqueOrThrow({ where: { name: "generalist" } });
    // The first run of the join step (the generalist's) buffers ~1.5 GB in `tail`; the marker file
    // in the shared workspace makes the second run cheap.
    const hog = "test -f .hog-ran || (touch .hog-ran && head -c 1500M /dev/zero | tail | wc -c)";
    const task = await createTask(deps, { request: { prompt: `Report on the workspace [sim:wide=1] [sim:cmd=${hog}]`, priority: 5 }, userId: null });

    const join = await waitFor("the join step to start", async () => deps.db.subtask.findFirst({ where: { taskId: task.id, profileId: generalist.id, status: "RUNNING" } }), 120_000, 50);
    const startedAt = Date.now();
    const killed = await waitFor("the kill", async () => deps.db.scalingEvent.findFirst({ where: { action: "killed" } }), 60_000, 50);
    const killedAfter = Date.now() - startedAt;
    const done = await waitFor("the task to finish", async () => {
      const row = await deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
      return ["SUCCEEDED", "FAILED"].includes(row.status) ? row : null;
    }, 120_000, 50);
    console.log(`join started → killed in ${killedAfter} ms; kill → task finished in ${done.finishedAt!.getTime() - killed.createdAt.getTime()} ms`);
    expect(done.status, daemon.output()).toBe("SUCCEEDED");

    expect(killed.reason).toMatch(/^killed: used \d+ MB, limit 768 MB; its subtask went back to the queue$/);
    const first = await deps.db.agentProcess.findUniqueOrThrow({ where: { id: join.agentId! } });
    expect(first.exitReason).toMatch(/^killed: used \d+ MB, limit 768 MB$/);
    expect(first.exitSignal).toBe("SIGKILL");

    const after = await deps.db.subtask.findUniqueOrThrow({ where: { id: join.id } });
    expect(after.status).toBe("SUCCEEDED");
    expect(after.attempts).toBe(2);
    expect(after.agentId).not.toBe(join.agentId);
    const error = await deps.db.logEvent.findFirstOrThrow({ where: { taskId: task.id, level: "ERROR", subtaskId: join.id } });
    expect(error.message).toMatch(/^Attempt 1 stopped — killed: used \d+ MB, limit 768 MB\. Back in the queue; this counted as an attempt\.$/);
    // No process of the killed tree is left behind.
    expect(() => process.kill(first.pid!, 0)).toThrow();
  });
});
