// The agent process's own behaviour through the real daemon, agents, simulated Claude,
// PostgreSQL and Redis: the states it reports, answers cut short, write conflicts between parallel
// subtasks, and approvals of commands.
import { decode } from "notepack.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentUpdateMessage } from "../../server/contracts/realtime";
import { createRedis } from "../../server/create-redis";
import { decideApproval } from "../../server/services/approvals/decide-approval";
import { cancelTask } from "../../server/services/tasks/cancel-task";
import { createTask } from "../../server/services/tasks/create-task";
import { startDaemon, type RunningDaemon } from "../../server/testing/start-daemon";
import { createTestDeps, resetData, seededFleetIdle, waitFor } from "../../server/testing/test-deps";
import { createUser } from "../../server/testing/test-users";

const deps = createTestDeps("agent-runtime");
const listener = createRedis(process.env.REDIS_URL!, "subscribe");
const updates: AgentUpdateMessage[] = [];
let daemon: RunningDaemon;

beforeAll(async () => {
  await resetData(deps);
  await deps.db.agentProfile.updateMany({ data: { approvalMode: "NONE", approvalTimeoutSeconds: 600 } });
  // Every agent:update the daemon publishes to the fleet room, decoded from the emitter's wire format.
  await listener.psubscribe(`${deps.prefix}:socket.io#*`);
  listener.on("pmessageBuffer", (_pattern: Buffer, _channel: Buffer, message: Buffer) => {
    const [, packet] = decode(message) as [string, { data: [string, AgentUpdateMessage] }];
    if (packet.data[0] === "agent:update") updates.push(packet.data[1]);
  });
  daemon = await startDaemon({ prefix: deps.prefix, env: { SIM_FIRST_TOKEN_DELAY_MS: "150", SIM_TOKEN_DELAY_MS: "1" } });
  await seededFleetIdle(deps);
}, 150_000);

afterAll(async () => {
  await daemon.stop();
  await deps.db.agentProfile.updateMany({ data: { approvalMode: "NONE", approvalTimeoutSeconds: 600 } });
  await listener.quit();
  await deps.close();
});

const finished = (taskId: string, timeoutMs = 45_000) =>
  waitFor(`task ${taskId} to finish`, async () => {
    const task = await deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    return ["SUCCEEDED", "FAILED", "CANCELLED"].includes(task.status) ? task : null;
  }, timeoutMs);

const run = async (prompt: string, userId: string | null = null) => (await createTask(deps, { request: { prompt, priority: 5 }, userId })).id;

describe("the agent state machine in a real run", () => {
  it("reports CLAIMED, WORKING, COMPLETING and IDLE for each job, and the daemon records when the state changed", async () => {
    const taskId = await run("Summarise the two largest files, then write a combined report.");
    expect((await finished(taskId)).status, daemon.output()).toBe("SUCCEEDED");
    const agentIds = (await deps.db.subtask.findMany({ where: { taskId }, select: { agentId: true } })).map((s) => s.agentId!);
    // The daemon also republishes the current state with each CPU/RSS sample: keep changes only.
    const walk = updates.filter((u) => u.agentId === agentIds[0]).map((u) => u.state).filter((state, i, all) => state !== all[i - 1]);
    // A job's IDLE can be overtaken by the next job's CLAIMED (the daemon publishes its latest view),
    // so: each job walks CLAIMED → WORKING → COMPLETING, and the agent ends IDLE.
    const job = walk.slice(walk.indexOf("CLAIMED"));
    expect(job.slice(0, 3)).toEqual(["CLAIMED", "WORKING", "COMPLETING"]);
    await waitFor("the agent's IDLE to be published", async () => updates.filter((u) => u.agentId === agentIds[0]).at(-1)?.state === "IDLE");
    // The row follows the published state once the daemon's write of it lands.
    const rows = await waitFor("the agents' rows to say IDLE", async () => {
      const found = await deps.db.agentProcess.findMany({ where: { id: { in: agentIds } } });
      return found.every((row) => row.state === "IDLE") && found;
    });
    for (const row of rows) expect(row.stateChangedAt.getTime()).toBeGreaterThan(row.startedAt.getTime());
  });
});

describe("follow-ons", () => {
  it("runs a chain's next steps on the agent that finished the step before, without jobs of their own, while the queue is empty", async () => {
    updates.length = 0;
    const taskId = await run("Three steps one after another [sim:chain=3] [sim:instant]");
    expect((await finished(taskId)).status, daemon.output()).toBe("SUCCEEDED");
    const steps = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" }, include: { profile: true } });
    expect(steps.map((step) => step.agentId)).toEqual(steps.map(() => steps[0]!.agentId));
    const queue = deps.keys.agentQueue(steps[0]!.profile!.name);
    const jobs = await Promise.all(steps.map((step) => deps.dispatcher.jobState(queue, "subtask", { taskId, subtaskId: step.id })));
    // The first step's job carried the others; it may still be finishing as the task ends.
    expect(["active", "completed"]).toContain(jobs[0]);
    expect(jobs.slice(1)).toEqual(["missing", "missing"]);
    // Each step is claimed as it comes: the agent goes from COMPLETING straight to CLAIMED.
    const walk = updates.filter((u) => u.agentId === steps[0]!.agentId).map((u) => `${u.state}:${u.currentSubtaskId ?? ""}`).filter((state, i, all) => state !== all[i - 1]);
    for (const [before, after] of [[0, 1], [1, 2]] as const) {
      expect(walk).toContain(`COMPLETING:${steps[before]!.id}`);
      expect(walk.indexOf(`CLAIMED:${steps[after]!.id}`)).toBeGreaterThan(walk.indexOf(`COMPLETING:${steps[before]!.id}`));
    }
  });
});

describe("an answer from Claude cut short", () => {
  // Step 1 runs in its job and step 2 follows on in the same job. Either way a cut-short answer is a failure for now, not for good.
  const cases = [
    { step: 1, marker: "agent-stream-error", reason: "Claude stopped its answer with an error: Overloaded (simulated).", path: "a job's subtask ended by an error event: BullMQ runs the job again" },
    { step: 2, marker: "agent-drop", reason: "The connection to Claude was lost during its answer (terminated).", path: "a follow-on whose connection was lost: it gets a job of its own after the retry backoff" },
  ] as const;
  for (const { step, marker, reason, path } of cases) {
    it(`runs ${path}, and the task succeeds`, async () => {
      const taskId = await run(`Three steps, step ${step}'s answer cut short once [sim:chain=3] [sim:instant] [sim:${marker}=1:step=${step}]`);
      expect((await finished(taskId)).status, daemon.output()).toBe("SUCCEEDED");
      const steps = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" }, include: { profile: true } });
      expect(steps.map((s) => s.attempts)).toEqual([1, 2, 3].map((n) => (n === step ? 2 : 1)));
      const failure = await deps.db.logEvent.findFirstOrThrow({ where: { taskId, kind: "ERROR" } });
      expect(failure.subtaskId).toBe(steps[step - 1]!.id);
      expect(failure.message).toBe(`Attempt 1 failed: ${reason} Retrying.`);
      // Its second run came through the queue: the broken step has a job, and the step after it followed on again.
      const queue = deps.keys.agentQueue(steps[0]!.profile!.name);
      const jobs = await Promise.all(steps.map((s) => deps.dispatcher.jobState(queue, "subtask", { taskId, subtaskId: s.id })));
      expect(jobs[step - 1]).not.toBe("missing");
      expect(jobs[step]).toBe("missing");
    });
  }
});

describe("write conflicts", () => {
  it("makes the second of two parallel subtasks writing one file wait for the first, and records it", async () => {
    const taskId = await run("Take notes together [sim:collide]");
    expect((await finished(taskId)).status, daemon.output()).toBe("SUCCEEDED");
    const subtasks = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    const conflicts = await deps.db.writeConflict.findMany({ where: { taskId } });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ path: "notes.md", outcome: "waited" });
    expect(new Set([conflicts[0]!.subtaskId, conflicts[0]!.holderSubtaskId])).toEqual(new Set(subtasks.map((s) => s.id)));
    const warning = await deps.db.logEvent.findFirstOrThrow({ where: { taskId, level: "WARN", message: { startsWith: "Write conflict on notes.md" } } });
    expect(warning.message).toMatch(/waited for subtask \d 'Write the shared notes \(part \d\)' to finish/);
    expect(updates.some((u) => u.agentId === warning.agentId && u.state === "WAITING")).toBe(true);
  });
});

describe("approvals", () => {
  it("pauses a command until a person decides: approved runs, denied reaches the model as an error", async () => {
    await deps.db.agentProfile.update({ where: { name: "generalist" }, data: { approvalMode: "COMMANDS" } });
    const owner = await createUser(deps.db, "MEMBER");
    const actor = { userId: owner.id, email: owner.email, role: owner.role, via: "session" as const };
    const taskId = await run("Check the build. [sim:wide=2] [sim:cmd=echo approved-one] [sim:cmd=echo denied-two]", owner.id);
    const pending = () => waitFor("a pending approval", () => deps.db.approval.findFirst({ where: { taskId, status: "PENDING" } }));

    const first = await pending();
    expect(first.detail).toEqual({ command: "echo approved-one" });
    // The agent reports WAITING to its daemon, which records it a moment after the approval row exists.
    await waitFor("the agent to be recorded as WAITING", () => deps.db.agentProcess.findFirst({ where: { id: first.agentId!, state: "WAITING" } }), 10_000);
    await decideApproval(deps, { id: first.id, approve: true, actor });
    const second = await pending();
    expect(second.detail).toEqual({ command: "echo denied-two" });
    await decideApproval(deps, { id: second.id, approve: false, actor });

    expect((await finished(taskId)).status, daemon.output()).toBe("SUCCEEDED");
    const results = await deps.db.logEvent.findMany({ where: { taskId, kind: "TOOL_RESULT", message: { startsWith: "run_command" } }, orderBy: { seq: "asc" } });
    expect(results.map((r) => r.message)).toEqual([
      expect.stringContaining("exit code 0 approved-one"),
      expect.stringContaining("A person denied this command: echo denied-two"),
    ]);
    const audit = await deps.db.auditEvent.findMany({ where: { targetId: taskId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["approval.approved", "approval.denied"]);
    await expect(decideApproval(deps, { id: second.id, approve: true, actor })).rejects.toThrow(/already denied/);
  });

  it("expires an approval nobody answers and treats it as denied", async () => {
    await deps.db.agentProfile.update({ where: { name: "generalist" }, data: { approvalMode: "COMMANDS", approvalTimeoutSeconds: 1 } });
    const taskId = await run("Check the build. [sim:wide=2] [sim:cmd=echo never-answered]");
    expect((await finished(taskId)).status, daemon.output()).toBe("SUCCEEDED");
    expect((await deps.db.approval.findFirstOrThrow({ where: { taskId } })).status).toBe("EXPIRED");
    expect(await deps.db.logEvent.count({ where: { taskId, kind: "TOOL_RESULT", message: { contains: "Nobody approved this command within 1 s" } } })).toBe(1);
    expect(await deps.db.auditEvent.count({ where: { targetId: taskId, action: "approval.expired" } })).toBe(1);
  });

  it("ends pending approvals when the task is cancelled", async () => {
    await deps.db.agentProfile.update({ where: { name: "generalist" }, data: { approvalMode: "COMMANDS", approvalTimeoutSeconds: 600 } });
    const taskId = await run("Check the build. [sim:wide=2] [sim:cmd=echo cancelled]");
    const approval = await waitFor("a pending approval", () => deps.db.approval.findFirst({ where: { taskId, status: "PENDING" } })).catch(async (error: unknown) => {
      const task = await deps.db.task.findUniqueOrThrow({ where: { id: taskId }, include: { subtasks: true } });
      throw new Error(`${String(error)}: task ${task.status} ${task.subtasks.map((s) => s.status).join(",")}\n${daemon.output().slice(-3000)}`);
    });
    await cancelTask(deps, { taskId });
    expect((await deps.db.approval.findUniqueOrThrow({ where: { id: approval.id } })).status).toBe("EXPIRED");
    await waitFor("the agent to go idle", async () => (await deps.db.agentProcess.findUniqueOrThrow({ where: { id: approval.agentId! } })).state === "IDLE");
  });
});
