// Catching up on task ends missed while offline, against the real PostgreSQL: only the caller's
// own tasks, only final statuses, only since the moment the previous answer named, newest first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { createUser, type TestUser } from "../../testing/test-users";
import type { TaskStatus } from "../../db/create-prisma";
import { listEndedTasks } from "./list-ended-tasks";

const deps = createTestDeps("list-ended-tasks");
const { db } = deps;
let alice: TestUser;
let bob: TestUser;

const addTask = (title: string, by: TestUser, status: TaskStatus, finishedAgoMs: number | null, statusReason: string | null = null) =>
  db.task.create({
    data: { title, prompt: title, status, statusReason, createdById: by.id, finishedAt: finishedAgoMs === null ? null : new Date(Date.now() - finishedAgoMs) },
  });

beforeAll(async () => {
  await resetData(deps);
  alice = await createUser(db, "MEMBER", "alice@example.test");
  bob = await createUser(db, "MEMBER", "bob@example.test");
});

afterAll(() => deps.close());

describe("listEndedTasks", () => {
  it("starts the clock without a since, announcing nothing", async () => {
    await addTask("ended before", bob, "SUCCEEDED", 5_000);
    const answer = await listEndedTasks(db, bob.id, undefined);
    expect(answer).toEqual({ now: expect.any(String), ended: [], endedBefore: [] });
    expect(Math.abs(Date.parse(answer.now) - Date.now())).toBeLessThan(5_000);
  });

  it("names at the first look the ends just before it that the next look finds again, for the browser to count as seen", async () => {
    const carol = await createUser(db, "MEMBER", "carol@example.test");
    const justBefore = await addTask("just before", carol, "CANCELLED", 50, "Cancelled by carol@example.test.");
    await addTask("a while before", carol, "SUCCEEDED", 5_000);
    await addTask("someone else's, just before", bob, "SUCCEEDED", 50);
    const first = await listEndedTasks(db, carol.id, undefined);
    expect(first.ended).toEqual([]);
    expect(first.endedBefore).toEqual([justBefore.id]);
    // Ends are stamped by other processes' clocks, so the next look starts a little earlier and
    // finds it again: only endedBefore tells the browser it had ended before it was looking.
    const next = await listEndedTasks(db, carol.id, new Date(first.now));
    expect(next.ended.map((task) => task.taskId)).toEqual([justBefore.id]);
    expect(next.endedBefore).toEqual([]);
  });

  it("names the caller's own ends since then, newest first, with their reasons", async () => {
    const since = new Date(Date.now() - 60_000);
    await addTask("long ago", alice, "SUCCEEDED", 10 * 60_000);
    await addTask("someone else's", bob, "FAILED", 10_000, "boom");
    await addTask("still running", alice, "RUNNING", null);
    const failed = await addTask("failed lately", alice, "FAILED", 20_000, "The analyst ran out of budget.");
    const cancelled = await addTask("cancelled lately", alice, "CANCELLED", 5_000, "Cancelled by alice@example.test.");

    const answer = await listEndedTasks(db, alice.id, since);
    expect(answer.ended).toEqual([
      { taskId: cancelled.id, title: "cancelled lately", status: "CANCELLED", reason: "Cancelled by alice@example.test." },
      { taskId: failed.id, title: "failed lately", status: "FAILED", reason: "The analyst ran out of budget." },
    ]);
    // The next look starts where this one ended: nothing new has ended since.
    expect((await listEndedTasks(db, alice.id, new Date(Date.parse(answer.now) + 2_000))).ended).toEqual([]);
  });

  it("looks back at most a day, however old the since", async () => {
    const old = await addTask("two days ago", bob, "SUCCEEDED", 2 * 86_400_000);
    const recent = await addTask("an hour ago", bob, "SUCCEEDED", 3_600_000);
    const ended = (await listEndedTasks(db, bob.id, new Date(Date.now() - 7 * 86_400_000))).ended.map((task) => task.taskId);
    expect(ended).toContain(recent.id);
    expect(ended).not.toContain(old.id);
  });
});
