// The overview's task lists and counts, and the queue per profile, from hand-made rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { queueDepths } from "./queue-depths";
import { OVERVIEW_LIST_SIZE, taskOverview } from "./task-overview";

const deps = createTestDeps("overview");
const db = deps.db;
afterAll(() => deps.close());
beforeAll(() => resetData(deps));

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const task = (status: "PLANNING" | "AWAITING_REVIEW" | "RUNNING" | "FINALIZING" | "BUDGET_REACHED" | "SUCCEEDED" | "FAILED", title: string, times: { createdAt: Date; startedAt?: Date; finishedAt?: Date }) =>
  db.task.create({ data: { title, prompt: "p", status, ...times } });

describe("overview", () => {
  it("lists running, queued and recent tasks with counts and progress", async () => {
    const running = await task("RUNNING", "running", { createdAt: minutesAgo(30), startedAt: minutesAgo(20) });
    await task("FINALIZING", "finalizing", { createdAt: minutesAgo(30), startedAt: minutesAgo(10) });
    await task("PLANNING", "planned second", { createdAt: minutesAgo(5) });
    await task("PLANNING", "planned first", { createdAt: minutesAgo(6) });
    await task("BUDGET_REACHED", "paused", { createdAt: minutesAgo(50), startedAt: minutesAgo(40) });
    await task("AWAITING_REVIEW", "waiting for its plan's review", { createdAt: minutesAgo(45) });
    for (let i = 0; i < OVERVIEW_LIST_SIZE + 2; i++) await task("SUCCEEDED", `done ${i}`, { createdAt: minutesAgo(100), finishedAt: minutesAgo(60 - i) });
    await task("FAILED", "failed last", { createdAt: minutesAgo(100), finishedAt: minutesAgo(1) });
    await db.subtask.createMany({
      data: ["SUCCEEDED", "SUCCEEDED", "RUNNING"].map((status, index) => ({ taskId: running.id, index, title: "s", instructions: "i", status: status as "SUCCEEDED" | "RUNNING" })),
    });

    const overview = await taskOverview(db);
    expect(overview.counts).toEqual({ running: 2, queued: 2, paused: 1, awaitingReview: 1 });
    // Newest start first; progress counts succeeded subtasks of all.
    expect(overview.running.map((t) => [t.title, t.progress])).toEqual([
      ["finalizing", { done: 0, total: 0 }],
      ["running", { done: 2, total: 3 }],
    ]);
    expect(overview.queued.map((t) => t.title)).toEqual(["planned first", "planned second"]);
    expect(overview.recent.map((t) => t.title)).toEqual(["failed last", "done 6", "done 5", "done 4", "done 3"]);
  });

  it("counts queued and running subtasks per profile, listing idle profiles as zero", async () => {
    const [generalist, analyst] = await Promise.all(["generalist", "analyst"].map((name) => db.agentProfile.findUniqueOrThrow({ where: { name } })));
    const parent = await task("RUNNING", "queue", { createdAt: minutesAgo(1) });
    await db.subtask.createMany({
      data: (
        [
          ["QUEUED", generalist!.id],
          ["QUEUED", generalist!.id],
          ["RUNNING", generalist!.id],
          ["PENDING", analyst!.id],
        ] as const
      ).map(([status, profileId], index) => ({ taskId: parent.id, index, title: "s", instructions: "i", status, profileId })),
    });
    const depths = await queueDepths(db);
    expect(depths.find((d) => d.profile === "generalist")).toMatchObject({ queued: 2, running: 1 });
    expect(depths.find((d) => d.profile === "analyst")).toMatchObject({ queued: 0, running: 0 });
  });
});
