// The reconciler rebuilds what Redis lost and repairs what crashes left, from PostgreSQL alone;
// and the daemon's hand-back of what an agent that died was holding.
import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEFT_BY_ITS_DAEMON } from "../../contracts/agent-state";
import { createRedis } from "../../create-redis";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { reconcile } from "./reconcile";
import { handBackHeldSubtasks } from "./requeue-subtask";
import { savePlan } from "./save-plan";

const deps = createTestDeps("reconcile");
beforeAll(() => resetData(deps));
afterAll(() => deps.close());

const step = (title: string, dependsOn: number[] = []) => ({ title, instructions: title, capabilities: ["read"], dependsOn, priority: 5, optional: false });
const analystQueue = () => deps.keys.agentQueue("analyst");
const generalistQueue = () => deps.keys.agentQueue("generalist");

describe("reconcile", () => {
  it("re-adds every job lost with Redis and requeues work whose agent is gone", async () => {
    const planning = await deps.db.task.create({ data: { title: "planning", prompt: "p" } });
    const running = await deps.db.task.create({ data: { title: "running", prompt: "p", status: "PLANNING" } });
    await savePlan(deps, running.id, { subtasks: [step("queued"), step("orphaned"), step("later", [0, 1])] }, deps);
    const [queued, orphaned] = await deps.db.subtask.findMany({ where: { taskId: running.id }, orderBy: { index: "asc" } });
    const deadAgent = await deps.db.agentProcess.create({
      data: { host: "gone", profileId: queued!.profileId!, state: "CRASHED", lastHeartbeatAt: new Date(Date.now() - 60_000) },
    });
    await deps.db.subtask.update({ where: { id: orphaned!.id }, data: { status: "RUNNING", attempts: 1, agentId: deadAgent.id } });

    // Redis loses everything.
    for (const queue of [analystQueue(), generalistQueue()]) await deps.dispatcher.queue(queue).obliterate({ force: true });

    const report = await reconcile(deps, { agentStaleMs: 15_000 });
    expect(report).toMatchObject({ jobsReadded: 3, subtasksRequeued: 1 });
    expect(await deps.dispatcher.jobState(generalistQueue(), "plan", { taskId: planning.id })).toBe("waiting");
    expect(await deps.dispatcher.jobState(analystQueue(), "subtask", { taskId: running.id, subtaskId: queued!.id })).toBe("prioritized");
    expect(await deps.dispatcher.jobState(analystQueue(), "subtask", { taskId: running.id, subtaskId: orphaned!.id })).toBe("prioritized");
    expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: orphaned!.id } })).status).toBe("QUEUED");

    // Nothing is left to repair, so a second pass changes nothing.
    expect(await reconcile(deps, { agentStaleMs: 15_000 })).toEqual({ jobsReadded: 0, subtasksRequeued: 0, subtasksFailed: 0, tasksTimedOut: 0, tasksAdvanced: 0 });
  });

  it("fails a task that is past its deadline, with the reason", async () => {
    const task = await deps.db.task.create({
      data: { title: "slow", prompt: "p", status: "RUNNING", createdAt: new Date(Date.now() - 31 * 60_000), timeoutAt: new Date(Date.now() - 60_000) },
    });
    const report = await reconcile(deps, { agentStaleMs: 15_000 });
    expect(report.tasksTimedOut).toBe(1);
    const after = await deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.status).toBe("FAILED");
    expect(after.statusReason).toBe("Timed out: the task did not finish within 30 minutes.");
  });

  it("puts back at once an active job whose agent process is known to have ended", async () => {
    await deps.dispatcher.queue(analystQueue()).obliterate({ force: true });
    const task = await deps.db.task.create({ data: { title: "held", prompt: "p", status: "PLANNING" } });
    await savePlan(deps, task.id, { subtasks: [step("held by a dead agent")] }, deps);
    const subtask = await deps.db.subtask.findFirstOrThrow({ where: { taskId: task.id } });
    // The agent took the job (it is active, under the agent's lock) and then its daemon recorded its end.
    const connection = createRedis(process.env.REDIS_URL!, "blocking");
    const worker = new Worker(analystQueue(), null, { connection, prefix: deps.keys.bullPrefix, lockDuration: 60_000 });
    const job = await worker.getNextJob("dead-agent-token");
    expect(job?.data).toEqual({ taskId: task.id, subtaskId: subtask.id });
    const agent = await deps.db.agentProcess.create({ data: { host: "gone", profileId: subtask.profileId!, state: "EXITED", lastHeartbeatAt: new Date(Date.now() - 60_000) } });
    await deps.db.subtask.update({ where: { id: subtask.id }, data: { status: "RUNNING", attempts: 1, agentId: agent.id } });
    // Meanwhile a subtask of higher priority, of another task as important, was queued.
    const other = await deps.db.task.create({ data: { title: "urgent", prompt: "p", status: "PLANNING" } });
    await savePlan(deps, other.id, { subtasks: [{ ...step("not started yet"), priority: 10 }] }, deps);

    const report = await reconcile(deps, { agentStaleMs: 15_000 });
    expect(report.subtasksRequeued).toBe(1);
    expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: subtask.id } })).status).toBe("QUEUED");
    // Back in line now, not after the dead agent's 60 s lock.
    expect(await deps.dispatcher.jobState(analystQueue(), "subtask", { taskId: task.id, subtaskId: subtask.id })).not.toBe("active");
    // And ahead of the subtask that has not started: it had started, so it goes first.
    expect((await worker.getNextJob("next-agent-token"))?.data).toEqual({ taskId: task.id, subtaskId: subtask.id });
    await worker.close(true);
    connection.disconnect();
  });

  it("uses up no attempt of a subtask whose agent was left behind by its daemon's death, unlike one whose agent crashed", async () => {
    const task = await deps.db.task.create({ data: { title: "last attempts", prompt: "p", status: "PLANNING" } });
    // The second is optional, so its failure leaves the task, and the first, running.
    await savePlan(deps, task.id, { subtasks: [step("agent left by its daemon"), { ...step("agent crashed"), optional: true }] }, deps);
    const [left, crashed] = await deps.db.subtask.findMany({ where: { taskId: task.id }, orderBy: { index: "asc" } });
    const agentEnded = (exitReason: string) =>
      deps.db.agentProcess.create({ data: { host: "gone", profileId: left!.profileId!, state: "EXITED", exitReason, lastHeartbeatAt: new Date(Date.now() - 60_000) } });
    // Each on its last attempt, its job lost.
    for (const [subtask, exitReason] of [[left!, LEFT_BY_ITS_DAEMON], [crashed!, "killed by SIGKILL"]] as const) {
      await deps.db.subtask.update({ where: { id: subtask.id }, data: { status: "RUNNING", attempts: 3, agentId: (await agentEnded(exitReason)).id } });
    }
    await deps.dispatcher.queue(analystQueue()).obliterate({ force: true });

    const report = await reconcile(deps, { agentStaleMs: 15_000 });
    expect(report).toMatchObject({ subtasksRequeued: 1, subtasksFailed: 1 });
    // The uncounted attempt stays spent: a run still exiting can record nothing.
    expect(await deps.db.subtask.findUniqueOrThrow({ where: { id: left!.id } })).toMatchObject({
      status: "QUEUED", attempts: 3, attemptBase: 1, agentId: null, statusReason: "Requeued: its agent stopped with its daemon.",
    });
    expect(await deps.dispatcher.jobState(analystQueue(), "subtask", { taskId: task.id, subtaskId: left!.id })).toBe("prioritized");
    expect(await deps.db.subtask.findUniqueOrThrow({ where: { id: crashed!.id } })).toMatchObject({ status: "FAILED", statusReason: "Its agent stopped and no attempts are left." });
  });

  it("requeues a running subtask whose live agent has moved on, and leaves one its agent still holds", async () => {
    await deps.dispatcher.queue(analystQueue()).obliterate({ force: true });
    const task = await deps.db.task.create({ data: { title: "moved on", prompt: "p", status: "PLANNING" } });
    await savePlan(deps, task.id, { subtasks: [step("left behind"), step("in hand")] }, deps);
    const [left, held] = await deps.db.subtask.findMany({ where: { taskId: task.id }, orderBy: { index: "asc" } });
    const agent = (currentSubtaskId: string | null) =>
      deps.db.agentProcess.create({ data: { host: "here", profileId: left!.profileId!, state: currentSubtaskId ? "WORKING" : "IDLE", currentSubtaskId, lastHeartbeatAt: new Date() } });
    // The first agent's run ended while PostgreSQL was away: the row still says RUNNING, the
    // agent is idle, and the job is gone.
    const idle = await agent(null);
    const busy = await agent(held!.id);
    await deps.db.subtask.update({ where: { id: left!.id }, data: { status: "RUNNING", attempts: 1, agentId: idle.id } });
    await deps.db.subtask.update({ where: { id: held!.id }, data: { status: "RUNNING", attempts: 1, agentId: busy.id } });
    // Both were taken up long enough ago for their agents' records to show it.
    await deps.db.$executeRaw`UPDATE "Subtask" SET "updatedAt" = now() - interval '1 minute' WHERE "taskId" = ${task.id}`;
    await deps.dispatcher.queue(analystQueue()).obliterate({ force: true });

    const report = await reconcile(deps, { agentStaleMs: 15_000 });
    expect(report.subtasksRequeued).toBe(1);
    expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: left!.id } })).status).toBe("QUEUED");
    expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: held!.id } })).status).toBe("RUNNING");
  });

  it("does not add a job again for a subtask that finished while the pass was looking at it", async () => {
    const task = await deps.db.task.create({ data: { title: "busy", prompt: "p", status: "PLANNING" } });
    await savePlan(deps, task.id, { subtasks: [step("finishes meanwhile"), step("waits")] }, deps);
    const [finishing] = await deps.db.subtask.findMany({ where: { taskId: task.id }, orderBy: { index: "asc" } });
    const payload = { taskId: task.id, subtaskId: finishing!.id };
    // Between the pass's read of the subtasks and its look at this one's job, an agent ran it:
    // the result is recorded and the job is gone from the queue.
    const busy = {
      ...deps,
      dispatcher: {
        ...deps.dispatcher,
        async jobState(queue: string, kind: "subtask", jobPayload: typeof payload) {
          if (jobPayload.subtaskId === finishing!.id) {
            await deps.db.subtask.update({ where: { id: finishing!.id }, data: { status: "SUCCEEDED", attempts: 1, finishedAt: new Date() } });
            await deps.dispatcher.remove(queue, kind, jobPayload);
          }
          return deps.dispatcher.jobState(queue, kind, jobPayload);
        },
      },
    };

    await reconcile(busy as typeof deps, { agentStaleMs: 15_000 });
    expect(await deps.dispatcher.jobState(analystQueue(), "subtask", payload)).toBe("missing");
  });

  it("leaves a follow-on without a job to the live agent that took it up, and requeues it once that agent is gone", async () => {
    await deps.dispatcher.queue(analystQueue()).obliterate({ force: true });
    const task = await deps.db.task.create({ data: { title: "follow-on", prompt: "p", status: "PLANNING" } });
    await savePlan(deps, task.id, { subtasks: [step("follow-on")] }, deps);
    const followOn = await deps.db.subtask.findFirstOrThrow({ where: { taskId: task.id } });
    // Claimed by the completion of the step before: its agent's record still names that step, the daemon writes the new one a moment later.
    const agent = await deps.db.agentProcess.create({
      data: { host: "here", profileId: followOn.profileId!, state: "COMPLETING", currentSubtaskId: null, lastHeartbeatAt: new Date() },
    });
    await deps.db.subtask.update({ where: { id: followOn.id }, data: { status: "RUNNING", attempts: 1, agentId: agent.id } });
    await deps.dispatcher.queue(analystQueue()).obliterate({ force: true });
    const job = () => deps.dispatcher.jobState(analystQueue(), "subtask", { taskId: task.id, subtaskId: followOn.id });

    expect((await reconcile(deps, { agentStaleMs: 15_000 })).subtasksRequeued).toBe(0);
    expect(await job()).toBe("missing");
    expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: followOn.id } })).status).toBe("RUNNING");

    // The agent dies: it goes back in line at the next pass.
    await deps.db.agentProcess.update({ where: { id: agent.id }, data: { state: "CRASHED", endedAt: new Date() } });
    expect(await reconcile(deps, { agentStaleMs: 15_000 })).toMatchObject({ jobsReadded: 1, subtasksRequeued: 1 });
    expect(await job()).toBe("prioritized");
    expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: followOn.id } })).status).toBe("QUEUED");
  });
});

describe("handBackHeldSubtasks", () => {
  it("hands back what a dead agent last reported and a follow-on it claimed without a word, and nothing of another agent", async () => {
    await deps.dispatcher.queue(analystQueue()).obliterate({ force: true });
    const task = await deps.db.task.create({ data: { title: "died holding two", prompt: "p", status: "PLANNING" } });
    await savePlan(deps, task.id, { subtasks: [step("reported"), step("follow-on"), step("someone else's")] }, deps);
    const [reported, followOn, other] = await deps.db.subtask.findMany({ where: { taskId: task.id }, orderBy: { index: "asc" } });
    const agent = (state: "CRASHED" | "WORKING") => deps.db.agentProcess.create({ data: { host: "here", profileId: reported!.profileId!, state } });
    const [dead, alive] = [await agent("CRASHED"), await agent("WORKING")];
    for (const [subtask, holder] of [[reported!, dead], [followOn!, dead], [other!, alive]] as const) {
      await deps.db.subtask.update({ where: { id: subtask.id }, data: { status: "RUNNING", attempts: 1, agentId: holder.id } });
    }

    const outcomes = await handBackHeldSubtasks(deps, { agentId: dead.id, reason: "its agent was killed by SIGKILL", countAttempt: true });
    expect(outcomes).toEqual(["requeued", "requeued"]);
    const rows = await deps.db.subtask.findMany({ where: { taskId: task.id }, orderBy: { index: "asc" } });
    expect(rows.map((row) => [row.status, row.agentId])).toEqual([["QUEUED", null], ["QUEUED", null], ["RUNNING", alive.id]]);
    for (const subtask of [reported!, followOn!]) {
      expect(await deps.dispatcher.jobState(analystQueue(), "subtask", { taskId: task.id, subtaskId: subtask.id })).toBe("prioritized");
    }
  });
});
