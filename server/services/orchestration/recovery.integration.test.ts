// Faults during a run: an agent killed with SIGKILL mid-subtask, and a cancel of a running task.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData, runningSubtask, waitFor } from "../../testing/test-deps";
import { startDaemon, type RunningDaemon } from "../../testing/start-daemon";
import { cancelTask } from "../tasks/cancel-task";
import { createTask } from "../tasks/create-task";

const deps = createTestDeps("recovery");
let daemon: RunningDaemon;

beforeAll(async () => {
  await resetData(deps);
  // Slow enough model turns that a subtask is still running when the test strikes.
  daemon = await startDaemon({ prefix: deps.prefix, env: { SIM_FIRST_TOKEN_DELAY_MS: "700", SIM_TOKEN_DELAY_MS: "1" } });
});

afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

const statusOf = async (taskId: string) => (await deps.db.task.findUniqueOrThrow({ where: { id: taskId } })).status;

describe("an agent killed with SIGKILL in the middle of a subtask", () => {
  it("has its subtask run again elsewhere and the task completes with one result per subtask", async () => {
    const { id: taskId } = await createTask(deps, { request: { prompt: "Summarise the two largest files, then report.", priority: 5 }, userId: null });
    const victim = await runningSubtask(deps, taskId, () => daemon.output());
    const agent = await deps.db.agentProcess.findUniqueOrThrow({ where: { id: victim.agentId! } });
    process.kill(agent.pid!, "SIGKILL");

    await waitFor("the task to finish", async () => ["SUCCEEDED", "FAILED"].includes(await statusOf(taskId)), 60_000, 250);
    expect(await statusOf(taskId), daemon.output()).toBe("SUCCEEDED");

    const rerun = await deps.db.subtask.findUniqueOrThrow({ where: { id: victim.id } });
    expect(rerun.status).toBe("SUCCEEDED");
    expect(rerun.attempts).toBeGreaterThanOrEqual(2);
    expect(rerun.agentId).not.toBe(victim.agentId);

    const finishes = await deps.db.logEvent.groupBy({ by: ["subtaskId"], where: { taskId, kind: "STATUS", message: { startsWith: "Finished" } }, _count: true });
    expect(finishes).toHaveLength(await deps.db.subtask.count({ where: { taskId } }));
    expect(finishes.every((row) => row._count === 1)).toBe(true);

    // Its daemon handed the subtask back as soon as the agent died, rather than waiting out the lock.
    const handBack = await deps.db.logEvent.findFirst({ where: { taskId, subtaskId: victim.id, kind: "ERROR", message: { contains: "its agent was killed by SIGKILL" } } });
    expect(handBack?.message).toMatch(/^Attempt 1 stopped — its agent was killed by SIGKILL\. Back in the queue; this counted as an attempt\.$/);

    const crashed = await deps.db.agentProcess.findUniqueOrThrow({ where: { id: agent.id } });
    expect(crashed.state).toBe("CRASHED");
    expect(crashed.exitSignal).toBe("SIGKILL");
    await waitFor("the crashed agent to be replaced", () =>
      deps.db.agentProcess.findFirst({ where: { profileId: agent.profileId, restarts: { gte: 1 }, state: { in: ["IDLE", "WORKING"] } } }),
    );
  }, 180_000);
});

describe("cancelling a running task", () => {
  it("stops the running subtask and kills its command within two seconds", async () => {
    const marker = `sleep 30.${process.pid}`;
    const { taskId, running } = await startTaskRunningCommand(marker);
    const agentId = running.agentId!;

    const started = Date.now();
    expect(await cancelTask(deps, { taskId })).toEqual({ cancelled: true });
    await waitFor("the command to be killed and the agent to be idle", async () => {
      const agent = await deps.db.agentProcess.findUniqueOrThrow({ where: { id: agentId } });
      return !commandIsRunning(marker) && agent.state === "IDLE";
    }, 2_000, 50);
    expect(Date.now() - started).toBeLessThan(2_000);

    // The stopped run's last lines were stored before the cancel's closing line, which ends the log.
    const lines = await deps.db.logEvent.findMany({ where: { taskId }, orderBy: { seq: "asc" }, select: { seq: true, subtaskId: true, kind: true, message: true } });
    expect(lines.filter((line) => line.subtaskId === running.subtaskId).at(-1)?.kind).toBe("TOOL_RESULT");
    expect(lines.at(-1)).toMatchObject({ subtaskId: null, kind: "STATUS", message: "Cancelled by a user." });
    expect(await statusOf(taskId)).toBe("CANCELLED");
    const subtasks = await deps.db.subtask.findMany({ where: { taskId } });
    expect(subtasks.find((s) => s.id === running.subtaskId)?.status).toBe("CANCELLED");
    expect(subtasks.filter((s) => ["PENDING", "QUEUED", "RUNNING"].includes(s.status))).toEqual([]);
    expect(await cancelTask(deps, { taskId })).toEqual({ cancelled: false, reason: "already_finished", status: "CANCELLED" });
  });
});

describe("an agent killed with SIGKILL while its command runs", () => {
  it("takes the sandboxed command down with it", async () => {
    const marker = `sleep 40.${process.pid}`;
    const { taskId, running } = await startTaskRunningCommand(marker);
    const agent = await deps.db.agentProcess.findUniqueOrThrow({ where: { id: running.agentId! } });
    process.kill(agent.pid!, "SIGKILL");
    await waitFor("the command to die with its agent", async () => !commandIsRunning(marker), 2_000, 50);
    await cancelTask(deps, { taskId });
  });
});

/** A task whose final (generalist) step runs `marker` as a command; resolves once it runs. */
async function startTaskRunningCommand(marker: string) {
  const { id: taskId } = await createTask(deps, { request: { prompt: `Do this as a chain [sim:cmd=${marker}]`, priority: 5 }, userId: null });
  const running = await waitFor("the command to start", async () => {
    const call = await deps.db.logEvent.findFirst({ where: { taskId, kind: "TOOL_CALL", message: { startsWith: "run_command" } } });
    return call && commandIsRunning(marker) ? call : null;
  });
  return { taskId, running };
}

function commandIsRunning(marker: string): boolean {
  try {
    execFileSync("pgrep", ["-f", marker]);
    return true;
  } catch {
    return false;
  }
}
