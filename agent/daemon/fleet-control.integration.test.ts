// Fleet control with the real daemon: the loopback management API (token, start, stop, errors)
// and admins' commands through tRPC and the Redis command channel — start, restart, and stop now
// with the subtask handed back to the queue without using up an attempt. Each is audited and
// leaves a ScalingEvent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../../server/testing/call-api";
import { createTask } from "../../server/services/tasks/create-task";
import { startDaemon, type RunningDaemon } from "../../server/testing/start-daemon";
import { createTestDeps, resetData, waitFor } from "../../server/testing/test-deps";
import { createUser, sessionCookieFor } from "../../server/testing/test-users";

const deps = createTestDeps("fleet-control");
const TOKEN = "fleet-control-test-token-0123456789";
let daemon: RunningDaemon;
let api = "";
let admin = "";
let member = "";

const request = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
  fetch(`${api}${path}`, { ...init, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) } });
const state = async (agentId: string) => (await deps.db.agentProcess.findUnique({ where: { id: agentId } }))?.state;
const liveOf = (profile: string) => deps.db.agentProcess.findMany({ where: { profile: { name: profile }, state: { notIn: ["EXITED", "CRASHED"] } } });

beforeAll(async () => {
  await resetData(deps);
  await deps.db.scalingEvent.deleteMany({});
  await deps.db.agentProfile.updateMany({ data: { approvalMode: "NONE" } });
  admin = await sessionCookieFor(deps.db, await createUser(deps.db, "ADMIN"));
  member = await sessionCookieFor(deps.db, await createUser(deps.db, "MEMBER"));
  daemon = await startDaemon({
    prefix: deps.prefix,
    args: ["--fleet", "generalist=2-3", "--fleet", "analyst=1-1", "--fleet", "researcher=0-0", "--fleet", "tester=0-2"],
    env: { BATON_DAEMON_TOKEN: TOKEN },
  });
  api = await daemon.apiUrl();
  await waitFor("three idle agents", async () => (await deps.db.agentProcess.count({ where: { state: "IDLE" } })) === 3, 120_000);
}, 150_000);

afterAll(async () => {
  await daemon.stop();
  await deps.close();
});

describe("the management API", () => {
  it("listens on loopback only and answers 401 without the token", async () => {
    expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const anonymous = await request("/health", {}, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: expect.stringMatching(/^Missing or wrong token/) });
    expect((await request("/agents", {}, "wrong-token")).status).toBe(401);
    const health = await request("/health");
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, agents: 3 });
  });

  it("starts and gracefully stops an agent, with clear errors for unknown profiles and agents", { timeout: 150_000 }, async () => {
    const bad = await request("/agents", { method: "POST", body: JSON.stringify({ profile: "nope" }) });
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'No agent profile named "nope".' }]);
    expect((await request("/agents", { method: "POST", body: "{not json" })).status).toBe(400);
    const missing = await request("/agents/no-such-agent", { method: "DELETE" });
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'No agent "no-such-agent" runs under this daemon.' }]);

    const started = await request("/agents", { method: "POST", body: JSON.stringify({ profile: "tester" }) });
    expect(started.status).toBe(201);
    const { agentId } = (await started.json()) as { agentId: string };
    await waitFor("the tester to be idle", async () => (await state(agentId)) === "IDLE", 90_000);
    const listed = (await (await request("/agents")).json()) as { agents: { id: string; profile: string }[] };
    expect(listed.agents.find((a) => a.id === agentId)).toMatchObject({ profile: "tester" });

    const stopped = await request(`/agents/${agentId}`, { method: "DELETE" });
    expect([stopped.status, await stopped.json()]).toEqual([202, { agentId, stopping: "graceful" }]);
    await waitFor("the tester to exit", async () => (await state(agentId)) === "EXITED", 30_000);
    const events = await deps.db.scalingEvent.findMany({ where: { profile: { name: "tester" } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.fromCount, e.toCount])).toEqual([
      ["start", 0, 1],
      ["stop", 1, 0],
    ]);
    expect(events[0]!.reason).toBe("requested by the management API");
  });

  it("lets an agent stopped in the middle of a chain finish its step, and leaves the next step to the queue", { timeout: 150_000 }, async () => {
    const task = await createTask(deps, { request: { prompt: "Four steps one after another [sim:chain=4] [sim:work=500]", priority: 5 }, userId: null });
    const second = await waitFor("the second step to run", async () => {
      const subtask = await deps.db.subtask.findFirst({ where: { taskId: task.id, index: 1, status: "RUNNING" }, include: { profile: true } });
      return subtask?.agentId ? subtask : null;
    }, 60_000, 50);
    const stopped = await request(`/agents/${second.agentId}`, { method: "DELETE" });
    expect([stopped.status, await stopped.json()]).toEqual([202, { agentId: second.agentId, stopping: "graceful" }]);

    const done = await waitFor("the chain to finish", async () => {
      const row = await deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
      return ["SUCCEEDED", "FAILED"].includes(row.status) ? row : null;
    }, 90_000, 100);
    expect(done.status, daemon.output()).toBe("SUCCEEDED");
    const steps = await deps.db.subtask.findMany({ where: { taskId: task.id }, orderBy: { index: "asc" } });
    // Its own step ran to the end, once; the step after it went to the queue, for another agent.
    expect(steps[1]).toMatchObject({ id: second.id, agentId: second.agentId, attempts: 1, status: "SUCCEEDED" });
    expect(steps[2]!.agentId).not.toBe(second.agentId);
    expect(steps[2]!.attempts).toBe(1);
    const queue = deps.keys.agentQueue(second.profile!.name);
    expect(await deps.dispatcher.jobState(queue, "subtask", { taskId: task.id, subtaskId: steps[2]!.id })).not.toBe("missing");
    await waitFor("the stopped agent to exit", async () => (await state(second.agentId!)) === "EXITED", 30_000);
  });
});

describe("fleet commands from the dashboard", () => {
  it("are for admins only", async () => {
    const refused = await callApi(deps, "agent.start", { profile: "tester" }, { cookie: member });
    expect(refused.status).toBe(403);
  });

  it("start an agent through tRPC and the Redis command channel, and restart one", { timeout: 150_000 }, async () => {
    const sent = await callApi<{ daemons: number }>(deps, "agent.start", { profile: "tester" }, { cookie: admin });
    expect(sent.status).toBe(200);
    expect(sent.data?.daemons).toBe(1);
    const tester = await waitFor("a tester agent", async () => (await liveOf("tester"))[0], 30_000);
    await waitFor("the tester to be idle", async () => (await state(tester.id)) === "IDLE", 90_000);

    expect((await callApi(deps, "agent.restart", { agentId: tester.id }, { cookie: admin })).status).toBe(200);
    await waitFor("the old tester to exit", async () => (await state(tester.id)) === "EXITED", 30_000);
    const replacement = await waitFor("a new tester", async () => (await liveOf("tester")).find((a) => a.id !== tester.id), 30_000);
    expect(replacement.id).not.toBe(tester.id);

    const audit = await deps.db.auditEvent.findMany({ where: { action: "agents.scaled" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => (a.data as { type: string }).type)).toEqual(["start", "restart"]);
    const events = await deps.db.scalingEvent.findMany({ where: { profile: { name: "tester" }, reason: { contains: "@" } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["start", "restart"]);
  });

  it("stop now kills a busy agent and hands its subtask back without using up an attempt", { timeout: 240_000 }, async () => {
    const generalist = await deps.db.agentProfile.findUniqueOrThrow({ where: { name: "generalist" } });
    const slow = "test -f .slow-ran || (touch .slow-ran && sleep 60)";
    const task = await createTask(deps, { request: { prompt: `Report on the workspace [sim:wide=1] [sim:cmd=${slow}]`, priority: 5 }, userId: null });
    const join = await waitFor("the join step to run its command", async () => {
      const subtask = await deps.db.subtask.findFirst({ where: { taskId: task.id, profileId: generalist.id, status: "RUNNING" } });
      const ran = subtask && (await deps.db.logEvent.count({ where: { subtaskId: subtask.id, kind: "TOOL_CALL", message: { startsWith: "run_command" } } }));
      return ran ? subtask : null;
    }, 120_000, 100);

    const stoppedAt = Date.now();
    expect((await callApi(deps, "agent.stop", { agentId: join.agentId, mode: "now" }, { cookie: admin })).status).toBe(200);
    const done = await waitFor("the task to finish", async () => {
      const row = await deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
      return ["SUCCEEDED", "FAILED"].includes(row.status) ? row : null;
    }, 90_000, 100);
    console.log(`stop now → task finished on another agent in ${Date.now() - stoppedAt} ms`);
    expect(done.status, daemon.output()).toBe("SUCCEEDED");
    const after = await deps.db.subtask.findUniqueOrThrow({ where: { id: join.id } });
    expect(after.attempts).toBe(1);
    expect(after.agentId).not.toBe(join.agentId);
    const stopped = await deps.db.agentProcess.findUniqueOrThrow({ where: { id: join.agentId! } });
    expect(stopped).toMatchObject({ state: "EXITED", exitSignal: "SIGKILL" });
    expect(stopped.exitReason).toMatch(/^stopped by admin-/);
    const warning = await deps.db.logEvent.findFirstOrThrow({ where: { subtaskId: join.id, level: "WARN", message: { startsWith: "Attempt 1 stopped" } } });
    expect(warning.message).toMatch(/^Attempt 1 stopped — stopped by admin-\S+\. Back in the queue\.$/);
  });
});
