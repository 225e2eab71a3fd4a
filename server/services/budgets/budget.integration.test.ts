// Task budgets through the real daemon, agents, SDK and simulated Claude: a task stops at a safe
// point before the call that could pass its budget, keeps what it did, is left alone by the
// reconciler, and finishes once its creator raises the budget, without redoing finished work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../../testing/call-api";
import { startDaemon, type RunningDaemon } from "../../testing/start-daemon";
import { createTestDeps, resetData, waitFor } from "../../testing/test-deps";
import { createUser, sessionCookieFor, type TestUser } from "../../testing/test-users";
import { createTask } from "../tasks/create-task";
import { STOPPED_AT_BUDGET } from "./stop-at-budget";

const deps = createTestDeps("budget");
let daemon: RunningDaemon;
let member: TestUser;
let memberCookie = "";
let adminCookie = "";

beforeAll(async () => {
  await resetData(deps);
  await deps.db.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { defaultTaskBudgetMicros: null, maxTaskBudgetMicros: null } });
  member = await createUser(deps.db, "MEMBER");
  memberCookie = await sessionCookieFor(deps.db, member);
  adminCookie = await sessionCookieFor(deps.db, await createUser(deps.db, "ADMIN"));
  daemon = await startDaemon({ prefix: deps.prefix });
});
afterAll(async () => {
  await daemon.stop();
  await deps.db.settings.update({ where: { id: 1 }, data: { defaultTaskBudgetMicros: null, maxTaskBudgetMicros: null } });
  await deps.close();
});

const taskIn = (taskId: string, statuses: string[], timeoutMs = 90_000) =>
  waitFor(`task ${taskId} to be ${statuses.join(" or ")}`, async () => {
    const task = await deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    return statuses.includes(task.status) ? task : null;
  }, timeoutMs);

describe("a task with a small budget", () => {
  it("pauses as BUDGET_REACHED with its work kept, then finishes after the budget is raised", async () => {
    const created = await createTask(deps, {
      request: { prompt: "Run it as a chain [sim:chain=4]", priority: 5 },
      userId: member.id,
      // A call may cost up to ~$0.07 here (4,096 output tokens at $15/MTok plus its input), and the
      // sim's calls cost well under a cent: this budget lets a few calls through, not the whole chain.
      budgetMicros: 85_000n,
    });
    const paused = await taskIn(created.id, ["BUDGET_REACHED", "SUCCEEDED", "FAILED"]);
    expect(paused.status, daemon.output()).toBe("BUDGET_REACHED");
    expect(paused.costMicros).toBeGreaterThan(0n);
    expect(paused.costMicros).toBeLessThanOrEqual(85_000n);

    // Running subtasks stop at their next call; nothing stays queued or running.
    await waitFor("subtasks to settle", async () => (await deps.db.subtask.count({ where: { taskId: created.id, status: { in: ["QUEUED", "RUNNING"] } } })) === 0, 15_000);
    // The agent stopped mid-run went back to IDLE (through COMPLETING), ready for other work.
    await waitFor("every agent to be idle again", async () => {
      const agents = await deps.db.agentProcess.findMany({ where: { endedAt: null }, select: { state: true } });
      return agents.length > 0 && agents.every((agent) => agent.state === "IDLE");
    }, 10_000);
    const before = await deps.db.subtask.findMany({ where: { taskId: created.id }, orderBy: { index: "asc" } });
    expect(before.some((s) => s.status === "PENDING")).toBe(true);
    expect(await deps.db.modelCall.count({ where: { taskId: created.id, subtaskId: { not: null } } })).toBeGreaterThan(0);
    expect(before.every((s) => s.status !== "FAILED")).toBe(true);
    const released = before.filter((s) => s.statusReason?.includes("budget"));
    for (const s of released) expect(s.attempts).toBe(0); // stopping at the budget used up no attempt
    const logs = await deps.db.logEvent.findMany({ where: { taskId: created.id, message: { contains: "Budget reached" } } });
    expect(logs).toHaveLength(1);
    expect(logs[0]!.message).toMatch(/^Budget reached — spent \$0\.\d+ of \$0\.085\./);

    // The reconciler (every second here) leaves a paused task alone: no calls, no jobs, no timeout.
    const calls = await deps.db.modelCall.count({ where: { taskId: created.id } });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await deps.db.task.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("BUDGET_REACHED");
    expect(await deps.db.modelCall.count({ where: { taskId: created.id } })).toBe(calls);

    // Only the creator (or an admin) raises it, and not to less than was spent.
    const other = await sessionCookieFor(deps.db, await createUser(deps.db, "MEMBER"));
    expect((await callApi(deps, "task.raiseBudget", { id: created.id, budgetUsd: 5 }, { cookie: other })).status).toBe(403);
    const tooLow = await callApi(deps, "task.raiseBudget", { id: created.id, budgetUsd: 0.000001 }, { cookie: memberCookie });
    expect(tooLow.status).toBe(400);
    expect(tooLow.error?.message).toMatch(/must be more than the \$0\.\d+ already spent/);

    const raised = await callApi(deps, "task.raiseBudget", { id: created.id, budgetUsd: 5 }, { cookie: memberCookie });
    expect(raised.status, raised.error?.message).toBe(200);
    expect(await deps.db.auditEvent.count({ where: { action: "task.budget_raised", targetId: created.id } })).toBe(1);
    const done = await taskIn(created.id, ["SUCCEEDED", "FAILED", "BUDGET_REACHED"]);
    expect(done.status, daemon.output()).toBe("SUCCEEDED");
    expect(done.budgetMicros).toBe(5_000_000n);

    // What had succeeded before the pause was not run again.
    const after = await deps.db.subtask.findMany({ where: { taskId: created.id }, orderBy: { index: "asc" } });
    for (const [i, s] of before.entries()) {
      if (s.status !== "SUCCEEDED") continue;
      expect(after[i]!.finishedAt).toEqual(s.finishedAt);
      expect(after[i]!.attempts).toBe(s.attempts);
      expect(after[i]!.costMicros).toBe(s.costMicros);
    }
    expect(after.every((s) => s.status === "SUCCEEDED")).toBe(true);
    console.log(`budget pause: ${before.filter((s) => s.status === "SUCCEEDED").length} of ${before.length} subtasks done at ${paused.costMicros} micro-dollars`);
  }, 180_000);

  it("stops at planning when even the first call could pass the budget, and 'Stop here' cancels it", async () => {
    const created = await createTask(deps, { request: { prompt: "Survey one file", priority: 5 }, userId: member.id, budgetMicros: 1_000n });
    const paused = await taskIn(created.id, ["BUDGET_REACHED", "SUCCEEDED", "FAILED"]);
    expect(paused.status).toBe("BUDGET_REACHED");
    expect(paused.costMicros).toBe(0n);
    const stopped = await callApi(deps, "task.stopAtBudget", { id: created.id }, { cookie: memberCookie });
    expect(stopped.status, stopped.error?.message).toBe(200);
    const task = await deps.db.task.findUniqueOrThrow({ where: { id: created.id } });
    expect(task.status).toBe("CANCELLED");
    expect(task.statusReason).toBe(STOPPED_AT_BUDGET);
    expect((await callApi(deps, "task.stopAtBudget", { id: created.id }, { cookie: memberCookie })).status).toBe(409);
  }, 180_000);
});

describe("budget settings", () => {
  it("applies the default budget and holds members, not admins, to the ceiling", async () => {
    const update = await callApi(deps, "settings.update", { defaultTaskBudgetUsd: 0.5, maxTaskBudgetUsd: 2 }, { cookie: adminCookie });
    expect(update.status, update.error?.message).toBe(200);
    expect((await callApi(deps, "settings.update", { defaultTaskBudgetUsd: 1, maxTaskBudgetUsd: 2 }, { cookie: memberCookie })).status).toBe(403);

    const byDefault = await callApi<{ id: string }>(deps, "task.create", { prompt: "Survey one file" }, { cookie: memberCookie });
    expect((await deps.db.task.findUniqueOrThrow({ where: { id: byDefault.data!.id } })).budgetMicros).toBe(500_000n);

    const over = await callApi(deps, "task.create", { prompt: "Survey one file", budgetUsd: 3 }, { cookie: memberCookie });
    expect(over.status).toBe(403);
    expect(over.error?.message).toBe("budgetUsd: $3.00 is above the $2.00 ceiling an admin set for task budgets; choose at most $2.00 or ask an admin.");
    // The refused field is named among the field errors, as validation names one, for the form to mark it.
    expect((over.raw as { error: { json: { data: { fieldErrors: unknown } } } }).error.json.data.fieldErrors).toEqual({
      budgetUsd: ["$3.00 is above the $2.00 ceiling an admin set for task budgets; choose at most $2.00 or ask an admin."],
    });
    const overRaise = await callApi(deps, "task.raiseBudget", { id: byDefault.data!.id, budgetUsd: 3 }, { cookie: memberCookie });
    expect(overRaise.status).toBe(403);

    const admins = await callApi<{ id: string }>(deps, "task.create", { prompt: "Survey one file", budgetUsd: 3 }, { cookie: adminCookie });
    expect(admins.status).toBe(200);
    expect((await deps.db.task.findUniqueOrThrow({ where: { id: admins.data!.id } })).budgetMicros).toBe(3_000_000n);
    await taskIn(byDefault.data!.id, ["SUCCEEDED", "FAILED"]);
    await taskIn(admins.data!.id, ["SUCCEEDED", "FAILED"]);
  }, 180_000);
});
