// Tasks that cannot be retried are refused with the reason and left exactly as they were. No
// agents run here, so nothing but the retry could change the seeded state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diamond, seedTaskGraph } from "../../testing/seed-task-graph";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { createUser, type TestUser } from "../../testing/test-users";
import { ServiceError } from "../service-error";
import { retryTask } from "./retry-task";

const deps = createTestDeps("retry-refusals");
let owner: TestUser;
const actor = () => ({ userId: owner.id, email: owner.email, role: owner.role, via: "session" as const });
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

beforeAll(async () => {
  await resetData(deps);
  owner = await createUser(deps.db, "OWNER");
});
afterAll(() => deps.close());

describe("tasks that cannot be retried", () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["a task that succeeded", async () => (await seedTaskGraph(deps.db, owner.id, "SUCCEEDED", diamond("SUCCEEDED", "SUCCEEDED"))).taskId, /only a failed task.*this one is succeeded/i],
    ["a running task", async () => (await seedTaskGraph(deps.db, owner.id, "RUNNING", diamond("RUNNING", "PENDING"))).taskId, /this one is running/],
    ["a task paused at its budget", async () => (await seedTaskGraph(deps.db, owner.id, "BUDGET_REACHED", diamond("PENDING", "PENDING"))).taskId, /this one is paused at its budget/],
    ["a cancelled task where nothing failed", async () => (await seedTaskGraph(deps.db, owner.id, "CANCELLED", diamond("CANCELLED", "CANCELLED"))).taskId, /nothing to retry; re-run it instead/],
    ["a task that failed before it had a plan", async () => (await seedTaskGraph(deps.db, owner.id, "FAILED", [])).taskId, /before it had a plan/],
  ];
  it.each(cases)("refuses %s with the reason, and leaves it alone", async (_, seed, message) => {
    const taskId = await seed();
    const read = () => deps.db.task.findUniqueOrThrow({ where: { id: taskId }, include: { subtasks: { orderBy: { index: "asc" } } } });
    const before = await read();
    const error = await refusal(retryTask(deps, { taskId, actor: actor() }));
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe("CONFLICT");
    expect((error as ServiceError).message).toMatch(message);
    expect(await read()).toEqual(before);
    expect(await deps.db.auditEvent.count({ where: { targetId: taskId } })).toBe(0);
  });

  it("answers an unknown task with not found", async () => {
    const error = await refusal(retryTask(deps, { taskId: "no-such-task", actor: actor() }));
    expect((error as ServiceError).code).toBe("NOT_FOUND");
  });
});
