// Reviewing a plan before it runs, through the HTTP API, the real daemon, agents and simulated
// Claude: the task stops after planning with its estimate, the reconciler leaves it alone, edits
// are validated (cycles refused by name) and versioned (a stale edit is a conflict), only the
// creator or an admin acts, "approve and run" runs the edited plan to success, "discard" cancels,
// and an admin's cost threshold makes review mandatory.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../../testing/call-api";
import { startDaemon, type RunningDaemon } from "../../testing/start-daemon";
import { createTestDeps, resetData, waitFor } from "../../testing/test-deps";
import { createUser, sessionCookieFor } from "../../testing/test-users";
import { reconcile } from "../orchestration/reconcile";

const deps = createTestDeps("review");
let daemon: RunningDaemon;
let memberCookie = "";
let otherCookie = "";
let viewerCookie = "";
let adminCookie = "";

const PROMPT = "Survey the three largest files in the workspace, summarise each, then write a combined report";

beforeAll(async () => {
  await resetData(deps);
  await deps.db.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { reviewAboveMicros: null } });
  memberCookie = await sessionCookieFor(deps.db, await createUser(deps.db, "MEMBER"));
  otherCookie = await sessionCookieFor(deps.db, await createUser(deps.db, "MEMBER"));
  viewerCookie = await sessionCookieFor(deps.db, await createUser(deps.db, "VIEWER"));
  adminCookie = await sessionCookieFor(deps.db, await createUser(deps.db, "ADMIN"));
  daemon = await startDaemon({ prefix: deps.prefix });
});
afterAll(async () => {
  await daemon.stop();
  await deps.db.settings.update({ where: { id: 1 }, data: { reviewAboveMicros: null } });
  await deps.close();
});

const taskIn = (taskId: string, statuses: string[]) =>
  waitFor(`task ${taskId} to be ${statuses.join(" or ")}`, async () => {
    const task = await deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    return statuses.includes(task.status) ? task : null;
  }, 90_000);

async function submit(cookie: string, input: Record<string, unknown>): Promise<string> {
  const created = await callApi<{ id: string }>(deps, "task.create", { prompt: PROMPT, ...input }, { cookie });
  expect(created.status, created.error?.message).toBe(200);
  return created.data!.id;
}

/** The stored plan in the shape task.editPlan takes: dependencies by position. */
async function storedPlan(taskId: string) {
  const subtasks = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" }, include: { dependsOn: true } });
  const position = new Map(subtasks.map((s, index) => [s.id, index]));
  return subtasks.map((s) => ({
    title: s.title,
    instructions: s.instructions,
    capabilities: s.capabilities,
    priority: s.priority,
    optional: s.optional,
    dependsOn: s.dependsOn.map((edge) => position.get(edge.dependsOnId)!),
  }));
}

describe("a task whose creator asked to review the plan", () => {
  it("waits with its estimate, takes validated edits, and runs the edited plan once approved", async () => {
    const taskId = await submit(memberCookie, { reviewPlan: true });
    const waiting = await taskIn(taskId, ["AWAITING_REVIEW", "RUNNING", "FAILED"]);
    expect(waiting.status, daemon.output()).toBe("AWAITING_REVIEW");
    expect(waiting.planVersion).toBe(0);
    expect(waiting.estimatedCostMicros).toBeGreaterThan(0n);
    expect(waiting.estimatedTokens).toBeGreaterThan(0);
    expect(waiting.estimatedSeconds).toBeGreaterThan(0);
    const planned = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    expect(planned).toHaveLength(5);
    expect(planned.every((s) => s.status === "PENDING" && s.estimatedCostMicros !== null && s.estimateBasis !== null)).toBe(true);
    expect(planned.reduce((sum, s) => sum + s.estimatedCostMicros!, 0n)).toBe(waiting.estimatedCostMicros);

    // The reconciler (and the daemon's own, every second) leaves it alone: nothing queued, no calls.
    await reconcile(deps, { agentStaleMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await deps.db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("AWAITING_REVIEW");
    expect(await deps.db.subtask.count({ where: { taskId, status: { not: "PENDING" } } })).toBe(0);
    expect(await deps.db.modelCall.count({ where: { taskId, subtaskId: { not: null } } })).toBe(0);

    const plan = await storedPlan(taskId);
    // A dependency of the survey on the report closes a loop through the analyses.
    const cyclic = plan.map((s, index) => (index === 0 ? { ...s, dependsOn: [4] } : s));
    const refused = await callApi(deps, "task.editPlan", { id: taskId, planVersion: 0, subtasks: cyclic }, { cookie: memberCookie });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/^The dependencies form a cycle: #1 "Survey the workspace" needs #5 "Write the combined report" needs #\d "Analyze [^"]+" needs #1 "Survey the workspace"\./);

    // Someone else's plan: other members and viewers may not touch it.
    expect((await callApi(deps, "task.editPlan", { id: taskId, planVersion: 0, subtasks: plan }, { cookie: otherCookie })).status).toBe(403);
    expect((await callApi(deps, "task.approvePlan", { id: taskId, planVersion: 0 }, { cookie: otherCookie })).status).toBe(403);
    expect((await callApi(deps, "task.discardPlan", { id: taskId }, { cookie: otherCookie })).status).toBe(403);
    expect((await callApi(deps, "task.approvePlan", { id: taskId, planVersion: 0 }, { cookie: viewerCookie })).status).toBe(403);

    // Edit: new instructions for the first analysis, the third analysis removed, a new step added
    // after the survey, and the report waits for it instead.
    const edited = [
      plan[0]!,
      { ...plan[1]!, instructions: `${plan[1]!.instructions} Also count its words.` },
      plan[2]!,
      { title: "List the empty files", instructions: "List every empty file in the workspace.", capabilities: [], priority: 5, optional: false, dependsOn: [0] },
      { ...plan[4]!, dependsOn: [1, 2, 3] },
    ];
    const saved = await callApi<{ planVersion: number }>(deps, "task.editPlan", { id: taskId, planVersion: 0, subtasks: edited }, { cookie: memberCookie });
    expect(saved.status, saved.error?.message).toBe(200);
    expect(saved.data?.planVersion).toBe(1);
    const afterEdit = await storedPlan(taskId);
    expect(afterEdit.map((s) => s.title)).toEqual(edited.map((s) => s.title));
    expect(afterEdit.map((s) => s.dependsOn.sort())).toEqual([[], [0], [0], [0], [1, 2, 3]]);
    expect(afterEdit[1]!.instructions).toMatch(/Also count its words\.$/);
    const reestimated = await deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    const subtaskCosts = await deps.db.subtask.findMany({ where: { taskId }, select: { estimatedCostMicros: true } });
    expect(subtaskCosts.reduce((sum, s) => sum + s.estimatedCostMicros!, 0n)).toBe(reestimated.estimatedCostMicros);

    // A page loaded before that edit is stale: its edit and its approval are conflicts.
    const stale = await callApi(deps, "task.editPlan", { id: taskId, planVersion: 0, subtasks: plan }, { cookie: memberCookie });
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toMatch(/^The plan changed since you loaded it \(you had version 0, it is now version 1\)/);
    expect((await callApi(deps, "task.approvePlan", { id: taskId, planVersion: 0 }, { cookie: memberCookie })).status).toBe(409);

    const approved = await callApi(deps, "task.approvePlan", { id: taskId, planVersion: 1 }, { cookie: memberCookie });
    expect(approved.status, approved.error?.message).toBe(200);
    const done = await taskIn(taskId, ["SUCCEEDED", "FAILED", "CANCELLED"]);
    expect(done.status, `${done.statusReason}\n${daemon.output()}`).toBe("SUCCEEDED");
    const ran = await deps.db.subtask.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    expect(ran.map((s) => [s.title, s.status])).toEqual(edited.map((s) => [s.title, "SUCCEEDED"]));

    expect(await deps.db.auditEvent.count({ where: { action: "task.plan_edited", targetId: taskId } })).toBe(1);
    expect(await deps.db.auditEvent.count({ where: { action: "task.plan_approved", targetId: taskId } })).toBe(1);
    const again = await callApi(deps, "task.approvePlan", { id: taskId, planVersion: 1 }, { cookie: memberCookie });
    expect(again.status).toBe(409);
    expect(again.error?.message).toBe("The plan is not waiting for review: the task is succeeded.");
  }, 180_000);

  it("is cancelled with the reviewer's reason when an admin discards the plan", async () => {
    const taskId = await submit(memberCookie, { reviewPlan: true });
    expect((await taskIn(taskId, ["AWAITING_REVIEW", "RUNNING", "FAILED"])).status).toBe("AWAITING_REVIEW");

    const discarded = await callApi(deps, "task.discardPlan", { id: taskId, reason: "Too broad; split it up" }, { cookie: adminCookie });
    expect(discarded.status, discarded.error?.message).toBe(200);
    const task = await deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.status).toBe("CANCELLED");
    expect(task.statusReason).toMatch(/^Plan discarded by admin-\w+@example\.test: Too broad; split it up$/);
    expect(await deps.db.subtask.count({ where: { taskId, status: { not: "CANCELLED" } } })).toBe(0);
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "task.plan_discarded", targetId: taskId } });
    expect(audit.data).toEqual({ reason: "Too broad; split it up" });

    const late = await callApi(deps, "task.editPlan", { id: taskId, planVersion: 0, subtasks: [{ title: "x", instructions: "y" }] }, { cookie: memberCookie });
    expect(late.status).toBe(409);
    expect(late.error?.message).toBe("The plan is not waiting for review: the task is cancelled.");
  }, 120_000);
});

describe("the admin's review threshold", () => {
  it("stops plans estimated above it even when nobody asked, and lets cheaper ones run", async () => {
    expect((await callApi(deps, "settings.update", { defaultTaskBudgetUsd: null, maxTaskBudgetUsd: null, reviewAboveUsd: 0.01 }, { cookie: memberCookie })).status).toBe(403);
    const set = await callApi(deps, "settings.update", { defaultTaskBudgetUsd: null, maxTaskBudgetUsd: null, reviewAboveUsd: 0.01 }, { cookie: adminCookie });
    expect(set.status, set.error?.message).toBe(200);

    // Five subtasks at the default estimate cost well over a cent.
    const stopped = await taskIn(await submit(memberCookie, {}), ["AWAITING_REVIEW", "RUNNING", "SUCCEEDED", "FAILED"]);
    expect(stopped.status).toBe("AWAITING_REVIEW");
    expect(stopped.reviewPlan).toBe(false);
    expect(stopped.statusReason).toMatch(/^The plan's estimated cost, \$[\d.]+, is above the \$0\.01 an admin set for review/);

    await callApi(deps, "settings.update", { defaultTaskBudgetUsd: null, maxTaskBudgetUsd: null, reviewAboveUsd: 1000 }, { cookie: adminCookie });
    const ran = await taskIn(await submit(memberCookie, {}), ["AWAITING_REVIEW", "SUCCEEDED", "FAILED"]);
    expect(ran.status).toBe("SUCCEEDED");
    // Leaving the threshold out of an update keeps it.
    await callApi(deps, "settings.update", { defaultTaskBudgetUsd: null, maxTaskBudgetUsd: null }, { cookie: adminCookie });
    expect((await deps.db.settings.findUniqueOrThrow({ where: { id: 1 } })).reviewAboveMicros).toBe(1_000_000_000n);
  }, 180_000);
});
