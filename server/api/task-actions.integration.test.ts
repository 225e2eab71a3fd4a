// Retry and re-run over the real HTTP API: who may use them on whose task, what a re-run copies,
// and the audit trail both leave. (What a retry does to the subtask graph is tested with real
// agents in services/tasks/retry-task.integration.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../testing/call-api";
import { createTestDeps, resetData } from "../testing/test-deps";
import { createUser, sessionCookieFor, type TestUser } from "../testing/test-users";

const deps = createTestDeps("task-actions");
let member: TestUser;
let other: TestUser;
let admin: TestUser;
const cookies = new Map<string, string>();

beforeAll(async () => {
  await resetData(deps);
  await deps.db.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { defaultTaskBudgetMicros: null, maxTaskBudgetMicros: null } });
  member = await createUser(deps.db, "MEMBER");
  other = await createUser(deps.db, "MEMBER");
  admin = await createUser(deps.db, "ADMIN");
  for (const user of [member, other, admin]) cookies.set(user.id, await sessionCookieFor(deps.db, user));
});
afterAll(async () => {
  await deps.db.settings.update({ where: { id: 1 }, data: { defaultTaskBudgetMicros: null, maxTaskBudgetMicros: null } });
  await deps.close();
});

const as = (user: TestUser) => ({ cookie: cookies.get(user.id)! });

/** A task that failed on its last subtask: one succeeded, one failed. */
async function failedTask(createdById: string) {
  return deps.db.task.create({
    data: {
      title: "Failed survey",
      prompt: "Survey the workspace [sim:wide=1]",
      priority: 7,
      status: "FAILED",
      statusReason: "Subtask failed.",
      createdById,
      budgetMicros: 2_000_000n,
      finishedAt: new Date(),
      subtasks: {
        create: [
          { index: 0, title: "Survey", instructions: "List files [step=gather]", capabilities: ["read"], status: "SUCCEEDED", attempts: 1 },
          { index: 1, title: "Report", instructions: "Write it [step=join]", capabilities: ["write"], status: "FAILED", attempts: 3 },
        ],
      },
    },
  });
}

describe("task.retry", () => {
  it("lets the creator retry, and refuses another member with the reason", async () => {
    const task = await failedTask(member.id);
    const refused = await callApi(deps, "task.retry", { id: task.id }, as(other));
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toBe("Only admins can retry a task someone else created.");
    expect((await deps.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("FAILED");

    const retried = await callApi(deps, "task.retry", { id: task.id }, as(member));
    expect(retried.status).toBe(200);
    expect(retried.data).toEqual({ retried: true, reset: 1, kept: 1 });
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "task.retried", targetId: task.id } });
    expect(audit.actorId).toBe(member.id);
  });

  it("lets an admin retry anyone's task", async () => {
    const task = await failedTask(member.id);
    expect((await callApi(deps, "task.retry", { id: task.id }, as(admin))).status).toBe(200);
  });
});

describe("task.rerun", () => {
  it("creates a new task of the caller's with the same prompt, title, priority and budget", async () => {
    const source = await failedTask(other.id);
    const response = await callApi<{ id: string; status: string }>(deps, "task.rerun", { id: source.id }, as(member));
    expect(response.status).toBe(200);
    const created = await deps.db.task.findUniqueOrThrow({ where: { id: response.data!.id } });
    expect(created.id).not.toBe(source.id);
    expect(created).toMatchObject({ prompt: source.prompt, title: source.title, priority: 7, budgetMicros: 2_000_000n, createdById: member.id, status: "PLANNING" });
    // The original is only read.
    expect((await deps.db.task.findUniqueOrThrow({ where: { id: source.id } })).status).toBe("FAILED");
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "task.rerun", targetId: created.id } });
    expect(audit).toMatchObject({ actorId: member.id, data: { fromTaskId: source.id } });
    const log = await deps.db.logEvent.findFirst({ where: { taskId: created.id, message: { contains: `Re-run of task ${source.id}` } } });
    expect(log).not.toBeNull();
  });

  it("refuses a member when the budget is above today's ceiling, and lets an admin go above it", async () => {
    const source = await failedTask(member.id);
    await deps.db.settings.update({ where: { id: 1 }, data: { maxTaskBudgetMicros: 1_000_000n } });
    try {
      const refused = await callApi(deps, "task.rerun", { id: source.id }, as(member));
      expect(refused.status).toBe(403);
      expect(refused.error?.message).toMatch(/budget of \$2\.00 is above the \$1\.00 ceiling.*edit it before re-running/);
      expect((await callApi(deps, "task.rerun", { id: source.id }, as(admin))).status).toBe(200);
    } finally {
      await deps.db.settings.update({ where: { id: 1 }, data: { maxTaskBudgetMicros: null } });
    }
  });
});
