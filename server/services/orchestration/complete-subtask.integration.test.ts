// completeSubtask() queues the dependents a completion makes ready in its own statement, and
// leaves to advance() whatever it cannot decide alone. Against the real database and queues.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FinishInput, Plan } from "../../contracts/plan";
import { newModelCallId, recordModelCall, type ModelCallRecord } from "../costs/record-model-call";
import { createDatabase } from "../../db/create-prisma";
import { holdLock } from "../../testing/hold-lock";
import { startTcpProxy, throughProxy } from "../../testing/tcp-proxy";
import { createTestDeps, resetData, waitFor } from "../../testing/test-deps";
import { savePlan } from "./save-plan";
import { claimSubtask, completeSubtask, failSubtaskAttempt } from "./subtask-lifecycle";

const deps = createTestDeps("complete-subtask");
beforeAll(() => resetData(deps));
afterAll(() => deps.close());

const subtask = (title: string, dependsOn: number[] = [], capabilities = ["read"]) => ({ title, instructions: title, capabilities, dependsOn, priority: 5, optional: false });

async function runningTask(plan: Plan) {
  const task = await deps.db.task.create({ data: { title: "t", prompt: "p", status: "PLANNING" } });
  await savePlan(deps, task.id, plan, deps);
  const rows = await deps.db.subtask.findMany({ where: { taskId: task.id }, orderBy: { index: "asc" } });
  return { taskId: task.id, ids: rows.map((row) => row.id) };
}

async function claim(taskId: string, subtaskId: string) {
  const profile = await deps.db.agentProfile.findUniqueOrThrow({ where: { name: "analyst" } });
  const agent = await deps.db.agentProcess.create({ data: { host: "test", profileId: profile.id, state: "WORKING" } });
  const claimed = await claimSubtask(deps, { taskId, subtaskId, agentId: agent.id, profileId: profile.id });
  if (!claimed) throw new Error(`could not claim ${subtaskId}`);
  return claimed;
}

const complete = async (taskId: string, subtaskId: string, claimed: Awaited<ReturnType<typeof claim>>, extra: Partial<Parameters<typeof completeSubtask>[1]> = {}) =>
  (await completeSubtask(deps, { taskId, subtaskId, attempt: claimed.attempt, result: { summary: "done" }, next: claimed.next, ...extra })).recorded;

const lastCall = (taskId: string, subtaskId: string): ModelCallRecord => ({
  id: newModelCallId(),
  taskId,
  subtaskId,
  profileId: null,
  agentId: null,
  model: "claude-sonnet-5",
  inputTokens: 1200,
  outputTokens: 80,
  cacheReadTokens: 300,
  cacheWriteTokens: 40,
  costMicros: 4321n,
  durationMs: 7,
  stopReason: "tool_use",
});

const TOTALS = { inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWriteTokens: true, costMicros: true } as const;
const spent = { inputTokens: 1200, outputTokens: 80, cacheReadTokens: 300, cacheWriteTokens: 40, costMicros: 4321n };

async function totals(taskId: string, subtaskId: string) {
  return {
    task: await deps.db.task.findUniqueOrThrow({ where: { id: taskId }, select: TOTALS }),
    subtask: await deps.db.subtask.findUniqueOrThrow({ where: { id: subtaskId }, select: TOTALS }),
    calls: await deps.db.modelCall.count({ where: { taskId } }),
  };
}

async function subtaskJobs(taskId: string, subtaskId: string, profiles = ["analyst", "generalist"]): Promise<number> {
  let count = 0;
  for (const profile of profiles) {
    const jobs = await deps.dispatcher.queue(deps.keys.agentQueue(profile)).getJobs(["waiting", "prioritized", "active"]);
    count += jobs.filter((job) => job.data.taskId === taskId && job.data.subtaskId === subtaskId).length;
  }
  return count;
}

/** Until some session of this database waits for a lock. */
const waitForLockWait = (what: string) =>
  waitFor(what, async () => {
    const [row] = await deps.db.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    return row!.waiting > 0n;
  });

const statuses = async (taskId: string) => (await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } })).map((row) => row.status);

describe("completeSubtask", () => {
  it("queues the next step of a chain, routed by capabilities, with its job, and reads who depends on the claimed subtask", async () => {
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0], ["write"]), subtask("c", [1])] });
    const claimed = await claim(taskId, ids[0]!);
    expect(claimed.next.dependents).toEqual([{ id: ids[1], capabilities: ["write"], priority: 5 }]);

    expect(await complete(taskId, ids[0]!, claimed)).toBe(true);
    expect(await statuses(taskId)).toEqual(["SUCCEEDED", "QUEUED", "PENDING"]);
    const done = await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[0] } });
    const next = await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[1] }, include: { profile: true } });
    expect(next.profile?.name).toBe("generalist");
    // Queued by the completion's own statement (one now()), not by an advance() after it.
    expect(next.queuedAt).toEqual(done.updatedAt);
    expect(await deps.dispatcher.jobState(deps.keys.agentQueue("generalist"), "subtask", { taskId, subtaskId: ids[1]! })).toBe("prioritized");
  });

  it("queues a common dependent, with its job, when its dependencies finish at the same moment, with no advance()", async () => {
    for (let round = 0; round < 15; round++) {
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b"), subtask("c"), subtask("join", [0, 1, 2])] });
      const claims = await Promise.all(ids.slice(0, 3).map((id) => claim(taskId, id)));
      const left: Promise<unknown>[] = [];
      const results = await Promise.all(claims.map((claimed, i) => complete(taskId, ids[i]!, claimed, { leaveRunning: (advancing) => left.push(advancing) })));
      expect(results).toEqual([true, true, true]);
      // The statements alone queued the join: whichever finished last saw the others' results.
      expect(left).toEqual([]);
      expect(await statuses(taskId)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "QUEUED"]);
      expect(await subtaskJobs(taskId, ids[3]!)).toBe(1);
    }
  });

  it("leaves a dependent whose optional dependency failed to advance(), which queues it", async () => {
    const optional = { ...subtask("optional"), optional: true };
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), optional, subtask("join", [0, 1])] });
    const failing = await claim(taskId, ids[1]!);
    await failSubtaskAttempt(deps, { taskId, subtaskId: ids[1]!, attempt: failing.attempt, reason: "broke", final: true });
    const left: Promise<unknown>[] = [];
    expect(await complete(taskId, ids[0]!, await claim(taskId, ids[0]!), { leaveRunning: (advancing) => left.push(advancing) })).toBe(true);
    expect(left).toHaveLength(1);
    await left[0];
    expect(await statuses(taskId)).toEqual(["SUCCEEDED", "FAILED", "QUEUED"]);
    expect(await subtaskJobs(taskId, ids[2]!)).toBe(1);
  });

  it("hands advance() over when a dependent also waits on a pending dependency, which no run is about to finish", async () => {
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("c"), subtask("b", [1]), subtask("join", [0, 2])] });
    const left: Promise<unknown>[] = [];
    expect(await complete(taskId, ids[0]!, await claim(taskId, ids[0]!), { leaveRunning: (advancing) => left.push(advancing) })).toBe(true);
    expect(left).toHaveLength(1);
    await left[0];
    expect(await statuses(taskId)).toEqual(["SUCCEEDED", "QUEUED", "PENDING", "PENDING"]);
  });

  it("puts a failure in order with a completion of the same task: it waits while a completion holds the task row", async () => {
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), { ...subtask("optional"), optional: true }, subtask("join", [0, 1])] });
    const failing = await claim(taskId, ids[1]!);
    // The lock a completion's statement holds on its task row until it commits.
    const completing = await holdLock(deps.db, (tx) => tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${taskId} FOR NO KEY UPDATE`);
    const failure = failSubtaskAttempt(deps, { taskId, subtaskId: ids[1]!, attempt: failing.attempt, reason: "broke", final: true });
    await waitForLockWait("the failure to wait for the task row");
    expect(await statuses(taskId)).toEqual(["QUEUED", "RUNNING", "PENDING"]);
    await completing.release();
    await failure;
    expect(await statuses(taskId)).toEqual(["QUEUED", "FAILED", "PENDING"]);
  });

  it("hands advance() to leaveRunning instead of waiting for it, and only when the statement left something to decide", async () => {
    for (let round = 0; round < 10; round++) {
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b"), subtask("c"), subtask("join", [0, 1, 2]), subtask("last", [3])] });
      const claims = await Promise.all(ids.slice(0, 3).map((id) => claim(taskId, id)));
      const left: Promise<unknown>[] = [];
      const results = await Promise.all(claims.map((claimed, i) => complete(taskId, ids[i]!, claimed, { leaveRunning: (advancing) => left.push(advancing) })));
      expect(results).toEqual([true, true, true]);
      // A join still waiting on running branches is left to the last of them, which queued it.
      expect(left).toEqual([]);
      expect(await statuses(taskId)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "QUEUED", "PENDING"]);
      expect(await subtaskJobs(taskId, ids[3]!)).toBe(1);

      // A chain step queued by the statement leaves nothing to decide.
      left.length = 0;
      expect(await complete(taskId, ids[3]!, await claim(taskId, ids[3]!), { leaveRunning: (advancing) => left.push(advancing) })).toBe(true);
      expect(left).toEqual([]);
      expect(await statuses(taskId)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "QUEUED"]);

      // The last subtask: finalizing is decided by the advance() handed over.
      expect(await complete(taskId, ids[4]!, await claim(taskId, ids[4]!), { leaveRunning: (advancing) => left.push(advancing) })).toBe(true);
      expect(left).toHaveLength(1);
      await left[0];
      expect((await deps.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("FINALIZING");
    }
  });

  it("routes with the profiles as they are now when they changed since the claim", async () => {
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0], ["read", "search"])] });
    const claimed = await claim(taskId, ids[0]!);
    // A profile that covers the dependent's capabilities more closely than the generalist appears meanwhile.
    const searcher = await deps.db.agentProfile.create({
      data: { name: "searcher", description: "reads and searches", capabilities: ["read", "search"], systemPrompt: "s", maxAgents: 1 },
    });
    try {
      expect(await complete(taskId, ids[0]!, claimed)).toBe(true);
      const next = await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[1] } });
      expect(next.status).toBe("QUEUED");
      expect(next.profileId).toBe(searcher.id);
      expect(await subtaskJobs(taskId, ids[1]!, ["searcher"])).toBe(1);
    } finally {
      await deps.db.subtask.updateMany({ where: { profileId: searcher.id }, data: { profileId: null } });
      await deps.db.agentProfile.delete({ where: { id: searcher.id } });
    }
  });

  it("leaves a task with a failed required subtask to advance(), which fails it", async () => {
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("z"), subtask("after a", [0])] });
    const claimed = await claim(taskId, ids[0]!);
    await deps.db.subtask.update({ where: { id: ids[1] }, data: { status: "FAILED" } });
    expect(await complete(taskId, ids[0]!, claimed)).toBe(true);
    expect(await statuses(taskId)).toEqual(["SUCCEEDED", "FAILED", "SKIPPED"]);
    expect((await deps.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("FAILED");
    expect(await subtaskJobs(taskId, ids[2]!)).toBe(0);
  });

  it("waits for a change of the task's status under way, and then queues nothing", async () => {
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0])] });
    const claimed = await claim(taskId, ids[0]!);
    // Another transaction holds the task row, as a budget pause does while it moves the task on.
    const pause = await holdLock(
      deps.db,
      (tx) => tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${taskId} FOR UPDATE`,
      (tx) => tx.task.update({ where: { id: taskId }, data: { status: "BUDGET_REACHED" } }),
    );
    const completion = complete(taskId, ids[0]!, claimed);
    await waitForLockWait("the completion to wait for the task row");
    await pause.release();
    expect(await completion).toBe(true);
    expect(await statuses(taskId)).toEqual(["SUCCEEDED", "PENDING"]);
    expect(await subtaskJobs(taskId, ids[1]!)).toBe(0);
  });

  it("records the result but queues nothing once the task is no longer running", async () => {
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0])] });
    const claimed = await claim(taskId, ids[0]!);
    await deps.db.task.update({ where: { id: taskId }, data: { status: "BUDGET_REACHED" } });
    expect(await complete(taskId, ids[0]!, claimed)).toBe(true);
    expect(await statuses(taskId)).toEqual(["SUCCEEDED", "PENDING"]);
    expect(await subtaskJobs(taskId, ids[1]!)).toBe(0);
  });

  it("records nothing and queues nothing for an attempt that is no longer the latest", async () => {
    const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0])] });
    const first = await claim(taskId, ids[0]!);
    await claim(taskId, ids[0]!); // presumed dead and run again elsewhere
    expect(await complete(taskId, ids[0]!, first)).toBe(false);
    expect(await statuses(taskId)).toEqual(["RUNNING", "PENDING"]);
    expect(await subtaskJobs(taskId, ids[1]!)).toBe(0);
  });

  describe("a failed attempt", () => {
    it("goes back to QUEUED while attempts are left, and to FAILED on the database's clock when final; a stale attempt changes nothing", async () => {
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b")] });
      const first = await claim(taskId, ids[0]!);
      await failSubtaskAttempt(deps, { taskId, subtaskId: ids[0]!, attempt: first.attempt, reason: "connection reset", final: false });
      expect(await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ status: "QUEUED", statusReason: "connection reset", finishedAt: null });

      const second = await claim(taskId, ids[0]!);
      await failSubtaskAttempt(deps, { taskId, subtaskId: ids[0]!, attempt: first.attempt, reason: "stale", final: true });
      expect((await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[0] } })).status).toBe("RUNNING");

      const [{ now }] = (await deps.db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
      await failSubtaskAttempt(deps, { taskId, subtaskId: ids[0]!, attempt: second.attempt, reason: "gave up", final: true });
      const failed = await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[0] } });
      expect(failed).toMatchObject({ status: "FAILED", statusReason: "gave up" });
      expect(failed.finishedAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
      expect(failed.finishedAt!.getTime()).toBe(failed.updatedAt.getTime());
      expect((await deps.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("FAILED");
    });
  });

  describe("a follow-on for the completing agent", () => {
    const generalistQueue = () => deps.keys.agentQueue("generalist");
    let generalistId: string;
    beforeAll(async () => {
      generalistId = (await deps.db.agentProfile.findUniqueOrThrow({ where: { name: "generalist" } })).id;
    });

    async function chainClaimedBy(capabilities = ["write"]) {
      await deps.dispatcher.queue(generalistQueue()).obliterate({ force: true });
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0], capabilities), subtask("c", [1])] });
      const claimed = await claim(taskId, ids[0]!);
      const agentId = (await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[0] } })).agentId!;
      return { taskId, ids, claimed, agentId };
    }

    const completeAs = (agentId: string, queue: string, taskId: string, subtaskId: string, claimed: Awaited<ReturnType<typeof claim>>, result: FinishInput = { summary: "done" }) =>
      completeSubtask(deps, { taskId, subtaskId, attempt: claimed.attempt, result, next: claimed.next, followOn: { agentId, profileId: generalistId, queue } });

    it("claims the next step for the agent in the completion's statement when its queue has nothing waiting, with no job", async () => {
      const { taskId, ids, claimed, agentId } = await chainClaimedBy();
      const completion = await completeAs(agentId, generalistQueue(), taskId, ids[0]!, claimed, { summary: "step a", output: { rows: 3 } });
      expect(completion.followOn).toMatchObject({ taskId, subtaskId: ids[1], queue: generalistQueue() });
      const next = await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[1] } });
      expect(next).toMatchObject({ status: "RUNNING", agentId, attempts: 1, statusReason: null });
      expect(next.startedAt).not.toBeNull();
      expect(next.queuedAt!.getTime()).toBe(next.startedAt!.getTime());
      expect(await deps.dispatcher.jobState(generalistQueue(), "subtask", { taskId, subtaskId: ids[1]! })).toBe("missing");
      expect(await statuses(taskId)).toEqual(["SUCCEEDED", "RUNNING", "PENDING"]);

      // What the run gets is what a claim of its own would read: the step before's result, who depends on it, the policy, the spend.
      const followOn = completion.followOn!.claim;
      expect(followOn).toMatchObject({ attempt: 1, title: "b", dependencies: [{ title: "a", summary: "step a", output: { rows: 3 } }] });
      const again = await claimSubtask(deps, { taskId, subtaskId: ids[1]!, agentId, profileId: generalistId });
      expect(again).toEqual({ ...followOn, attempt: 2 });
    });

    it("claims a join's last branch with every branch's result", async () => {
      await deps.dispatcher.queue(generalistQueue()).obliterate({ force: true });
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b"), subtask("join", [0, 1], ["write"])] });
      const first = await claim(taskId, ids[0]!);
      const second = await claim(taskId, ids[1]!);
      const agentId = (await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[1] } })).agentId!;
      expect((await completeAs(agentId, generalistQueue(), taskId, ids[0]!, first, { summary: "from a" })).followOn).toBeNull();
      const completion = await completeAs(agentId, generalistQueue(), taskId, ids[1]!, second, { summary: "from b" });
      expect(completion.followOn?.claim.dependencies).toEqual([
        { title: "a", summary: "from a", output: null },
        { title: "b", summary: "from b", output: null },
      ]);
      expect(await statuses(taskId)).toEqual(["SUCCEEDED", "SUCCEEDED", "RUNNING"]);
    });

    it("adds the job as before when the queue has work waiting, so the follow-on does not jump the line", async () => {
      const { taskId, ids, claimed, agentId } = await chainClaimedBy();
      await runningTask({ subtasks: [subtask("waiting", [], ["write"])] });
      expect(await deps.dispatcher.waitingCount(generalistQueue())).toBe(1);

      const completion = await completeAs(agentId, generalistQueue(), taskId, ids[0]!, claimed);
      expect(completion).toEqual({ recorded: true, followOn: null });
      expect(await subtaskJobs(taskId, ids[1]!)).toBe(1);
      expect(await deps.db.subtask.findUniqueOrThrow({ where: { id: ids[1] } })).toMatchObject({ status: "QUEUED", attempts: 0 });
    });

    it("takes no dependent that is routed to another queue", async () => {
      const { taskId, ids, claimed, agentId } = await chainClaimedBy();
      const completion = await completeAs(agentId, deps.keys.agentQueue("analyst"), taskId, ids[0]!, claimed);
      expect(completion.followOn).toBeNull();
      expect(await subtaskJobs(taskId, ids[1]!)).toBe(1);
    });
  });

  it("waits for PostgreSQL to come back to record a result, instead of losing the run", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const away = createDatabase(throughProxy(process.env.DATABASE_URL!, proxy), { max: 2 });
    try {
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0])] });
      const claimed = await claim(taskId, ids[0]!);
      proxy.cut();
      const completing = completeSubtask({ ...deps, ...away }, { taskId, subtaskId: ids[0]!, attempt: claimed.attempt, result: { summary: "done" }, next: claimed.next });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await statuses(taskId)).toEqual(["RUNNING", "PENDING"]);
      await proxy.restore();
      expect(await completing).toEqual({ recorded: true, followOn: null });
      expect(await statuses(taskId)).toEqual(["SUCCEEDED", "QUEUED"]);
    } finally {
      await away.db.$disconnect();
      await proxy.close();
    }
  });

  describe("with the run's last model call", () => {
    it("records the call in the same statement as the result, and recording it again changes nothing", async () => {
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0])] });
      const claimed = await claim(taskId, ids[0]!);
      const call = lastCall(taskId, ids[0]!);
      expect(await complete(taskId, ids[0]!, claimed, { lastCall: call })).toBe(true);
      expect(await statuses(taskId)).toEqual(["SUCCEEDED", "QUEUED"]);
      expect(await totals(taskId, ids[0]!)).toEqual({ task: spent, subtask: spent, calls: 1 });
      const row = await deps.db.modelCall.findUniqueOrThrow({ where: { id: call.id } });
      expect(row).toMatchObject({ subtaskId: ids[0], model: "claude-sonnet-5", costMicros: 4321n, stopReason: "tool_use" });

      expect(await recordModelCall(deps.sql, call)).toBe(false);
      expect(await totals(taskId, ids[0]!)).toEqual({ task: spent, subtask: spent, calls: 1 });
    });

    it("records the call of an attempt that is no longer the latest, though not its result", async () => {
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0])] });
      const first = await claim(taskId, ids[0]!);
      await claim(taskId, ids[0]!); // presumed dead and run again elsewhere
      expect(await complete(taskId, ids[0]!, first, { lastCall: lastCall(taskId, ids[0]!) })).toBe(false);
      expect(await statuses(taskId)).toEqual(["RUNNING", "PENDING"]);
      expect(await totals(taskId, ids[0]!)).toEqual({ task: spent, subtask: spent, calls: 1 });
    });

    it("records the call on its own when the completion's statement fails, and reports the statement's error", async () => {
      const { taskId, ids } = await runningTask({ subtasks: [subtask("a"), subtask("b", [0])] });
      const claimed = await claim(taskId, ids[0]!);
      // PostgreSQL refuses a NUL character in text: the whole statement is rolled back.
      const failing = complete(taskId, ids[0]!, claimed, { result: { summary: "done\u0000" }, lastCall: lastCall(taskId, ids[0]!) });
      await expect(failing).rejects.toThrow(/invalid byte sequence|0x00/);
      expect(await statuses(taskId)).toEqual(["RUNNING", "PENDING"]);
      expect(await totals(taskId, ids[0]!)).toEqual({ task: spent, subtask: spent, calls: 1 });
    });
  });
});
