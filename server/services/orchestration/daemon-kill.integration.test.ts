// A daemon killed with SIGKILL while its agent runs a subtask: the agent, finding its daemon
// gone, hands the subtask back before it exits (no wait for the job's lock to expire) without
// using up an attempt, and the next daemon's agents finish the task with one result per subtask.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimServer, type SimServer } from "../../../agent/sim/create-sim-server";
import { createTestDeps, resetData, runningSubtask, taskFinished, waitFor } from "../../testing/test-deps";
import { startDaemon, type RunningDaemon } from "../../testing/start-daemon";
import { createTask } from "../tasks/create-task";

const deps = createTestDeps("daemon-kill");
const daemons: RunningDaemon[] = [];
// The simulated Claude runs outside the daemon, as Claude does: the daemon's death must not end the model call.
let sim: SimServer;
// Long locks, so only the agent's own hand-back can put the subtask back in line within the test's wait.
const env = () => ({ BATON_SIM_URL: sim.url, BATON_LOCK_DURATION_MS: "60000", BATON_STALLED_INTERVAL_MS: "30000" });

beforeAll(async () => {
  await resetData(deps);
  sim = await createSimServer({ port: 0, firstTokenDelayMs: 700, tokenDelayMs: 1 });
});
afterAll(async () => {
  await Promise.all(daemons.map((daemon) => daemon.stop()));
  await sim.close();
  await deps.close();
});

describe("a daemon killed with SIGKILL in the middle of a subtask", () => {
  it("has its agent hand the subtask back as it exits, and the next daemon finishes the task", async () => {
    const first = await startDaemon({ prefix: deps.prefix, env: env() });
    daemons.push(first);
    const { id: taskId } = await createTask(deps, { request: { prompt: "Summarise the two largest files, then report.", priority: 5 }, userId: null });
    const victim = await runningSubtask(deps, taskId, () => first.output());
    first.process.kill("SIGKILL");

    const handBack = await waitFor(
      "the agent to hand its subtask back",
      () => deps.db.logEvent.findFirst({ where: { taskId, subtaskId: victim.id, kind: "ERROR", message: { contains: "its daemon stopped" } } }),
      15_000,
    );
    expect(handBack.message).toBe("Attempt 1 stopped — its daemon stopped. Back in the queue.");
    expect(await deps.db.subtask.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ status: "QUEUED", agentId: null });

    const second = await startDaemon({ prefix: deps.prefix, env: env() });
    daemons.push(second);
    const finished = await taskFinished(deps, taskId, 120_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${second.output()}`);
    });
    expect(finished.status, second.output()).toBe("SUCCEEDED");
    const rerun = await deps.db.subtask.findUniqueOrThrow({ where: { id: victim.id } });
    // The second run is attempt 2 (the first stays fenced off), but the first used up nothing.
    expect(rerun).toMatchObject({ status: "SUCCEEDED", attempts: 2, attemptBase: 1 });
    const finishes = await deps.db.logEvent.groupBy({ by: ["subtaskId"], where: { taskId, kind: "STATUS", message: { startsWith: "Finished" } }, _count: true });
    expect(finishes).toHaveLength(await deps.db.subtask.count({ where: { taskId } }));
    expect(finishes.every((row) => row._count === 1)).toBe(true);
  }, 240_000);
});
