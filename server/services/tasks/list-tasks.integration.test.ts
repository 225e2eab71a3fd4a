// The task list against the real PostgreSQL: each filter, full-text search with ranking, each
// sort, and keyset pages that neither skip nor repeat a task, under every sort.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { createUser, type TestUser } from "../../testing/test-users";
import { InvalidCursorError, listTasks, TASK_SORTS, ZListTasksRequestSchema } from "./list-tasks";
import type { TaskStatus } from "../../db/create-prisma";

const deps = createTestDeps("list-tasks");
const { db } = deps;
const DAY = 86_400_000;
const BASE = Date.parse("2026-10-01T12:00:00Z");
let alice: TestUser;
let bob: TestUser;
let analystId: string;
const ids: Record<string, string> = {};

interface Seed {
  key: string;
  title: string;
  prompt: string;
  status: TaskStatus;
  day: number;
  by: () => TestUser;
  costMicros: number;
  durationMin?: number;
  analyst?: boolean;
}

const SEEDS: Seed[] = [
  { key: "deploy", title: "Deploy the billing service", prompt: "Roll out billing v2 to staging, then production", status: "SUCCEEDED", day: 0, by: () => alice, costMicros: 900_000, durationMin: 30, analyst: true },
  { key: "audit", title: "Security audit", prompt: "Audit the billing code for injection bugs", status: "FAILED", day: 1, by: () => bob, costMicros: 2_500_000, durationMin: 5 },
  { key: "report", title: "Weekly report 📊", prompt: "Summarise the week's incidents", status: "SUCCEEDED", day: 2, by: () => alice, costMicros: 100_000, durationMin: 90 },
  { key: "running", title: "Refactor billing module", prompt: "Split the module into services", status: "RUNNING", day: 3, by: () => bob, costMicros: 50_000, analyst: true },
  { key: "cancelled", title: "Translate docs", prompt: "Translate the handbook to German 🇩🇪", status: "CANCELLED", day: 4, by: () => alice, costMicros: 0 },
  { key: "planning", title: "Benchmark queries", prompt: "Measure the dashboard queries", status: "PLANNING", day: 5, by: () => bob, costMicros: 0 },
];

beforeAll(async () => {
  await resetData(deps);
  alice = await createUser(db, "MEMBER", "alice@example.test");
  bob = await createUser(db, "MEMBER", "bob@example.test");
  analystId = (await db.agentProfile.findUniqueOrThrow({ where: { name: "analyst" } })).id;
  const generalistId = (await db.agentProfile.findUniqueOrThrow({ where: { name: "generalist" } })).id;
  for (const seed of SEEDS) {
    const createdAt = new Date(BASE + seed.day * DAY);
    const startedAt = seed.status === "PLANNING" ? null : new Date(createdAt.getTime() + 60_000);
    const finishedAt = startedAt && seed.durationMin ? new Date(startedAt.getTime() + seed.durationMin * 60_000) : null;
    const task = await db.task.create({
      data: {
        title: seed.title,
        prompt: seed.prompt,
        status: seed.status,
        createdById: seed.by().id,
        costMicros: seed.costMicros,
        createdAt,
        startedAt,
        finishedAt,
        subtasks: {
          create: [
            { index: 0, title: "a", instructions: "a", status: "SUCCEEDED", profileId: generalistId },
            { index: 1, title: "b", instructions: "b", status: "PENDING", profileId: seed.analyst ? analystId : generalistId },
          ],
        },
      },
    });
    ids[seed.key] = task.id;
  }
});
afterAll(() => deps.close());

const list = (input: Record<string, unknown> = {}) => listTasks(db, ZListTasksRequestSchema.parse(input));
const keys = (items: { id: string }[]) => items.map((item) => Object.entries(ids).find(([, id]) => id === item.id)?.[0]);

describe("listTasks", () => {
  it("lists newest first with progress, duration, cost and creator", async () => {
    const page = await list();
    expect(keys(page.items)).toEqual(["planning", "cancelled", "running", "report", "audit", "deploy"]);
    const deploy = page.items.at(-1)!;
    expect(deploy.progress).toEqual({ done: 1, total: 2 });
    expect(deploy.durationMs).toBe(30 * 60_000);
    expect(deploy.costMicros).toBe(900_000n);
    expect(deploy.creator).toMatchObject({ email: "alice@example.test" });
    expect(page.items.find((t) => t.id === ids.running)!.durationMs).toBeNull();
    expect(page.nextCursor).toBeNull();
  });

  it("filters by one or several statuses", async () => {
    expect(keys((await list({ status: "FAILED" })).items)).toEqual(["audit"]);
    expect(keys((await list({ status: ["SUCCEEDED", "RUNNING"] })).items)).toEqual(["running", "report", "deploy"]);
  });

  it("filters by creator, by profile and by date range", async () => {
    expect(keys((await list({ createdById: bob.id })).items)).toEqual(["planning", "running", "audit"]);
    expect(keys((await list({ profileId: analystId })).items)).toEqual(["running", "deploy"]);
    const range = { createdFrom: new Date(BASE + DAY), createdTo: new Date(BASE + 3 * DAY) };
    expect(keys((await list(range)).items)).toEqual(["report", "audit"]);
    expect(keys((await list({ ...range, createdById: alice.id, status: ["SUCCEEDED"] })).items)).toEqual(["report"]);
  });

  it("searches title and prompt, ranking title matches first", async () => {
    const page = await list({ search: "billing" });
    expect(page.sort).toBe("relevance");
    // "billing" is in the title of deploy and running (weight A), only in the prompt of audit.
    expect(keys(page.items).slice(0, 2).sort()).toEqual(["deploy", "running"]);
    expect(keys(page.items)[2]).toBe("audit");
    expect(keys((await list({ search: '"incidents" -billing' })).items)).toEqual(["report"]);
    expect(keys((await list({ search: "billing", sort: "oldest" })).items)).toEqual(["deploy", "audit", "running"]);
    expect((await list({ search: "nonexistentword" })).items).toEqual([]);
  });

  it("matches a search with no word in it (emoji, symbols) as written, in title and prompt", async () => {
    expect(keys((await list({ search: "📊" })).items)).toEqual(["report"]);
    expect(keys((await list({ search: "📊", sort: "oldest" })).items)).toEqual(["report"]);
    expect(keys((await list({ search: "🇩🇪" })).items)).toEqual(["cancelled"]);
    expect((await list({ search: "🚀" })).items).toEqual([]);
    expect((await list({ search: "%" })).items).toEqual([]);
  });

  it("matches the last word as a prefix, as it is being typed", async () => {
    expect(keys((await list({ search: "transl" })).items)).toEqual(["cancelled"]);
    expect(keys((await list({ search: "weekly rep" })).items)).toEqual(["report"]);
    expect(keys((await list({ search: "bench" })).items)).toEqual(["planning"]);
    expect(keys((await list({ search: "weekly or transl" })).items).sort()).toEqual(["cancelled", "report"]);
    // A closed phrase or an exclusion at the end is taken as written.
    expect(keys((await list({ search: '"weekly rep"' })).items)).toEqual([]);
    expect(keys((await list({ search: "billing -serv" })).items).sort()).toEqual(["audit", "deploy", "running"]);
  });

  it("sorts oldest first, longest first (unfinished last) and costliest first, ties newest first", async () => {
    expect(keys((await list({ sort: "oldest" })).items)).toEqual(["deploy", "audit", "report", "running", "cancelled", "planning"]);
    expect(keys((await list({ sort: "longest" })).items)).toEqual(["report", "deploy", "audit", "planning", "cancelled", "running"]);
    expect(keys((await list({ sort: "costliest" })).items)).toEqual(["audit", "deploy", "report", "running", "planning", "cancelled"]);
  });

  it.each(TASK_SORTS.map((sort) => [sort]))("pages through every task exactly once sorted by %s", async (sort) => {
    const search = sort === "relevance" ? "billing OR report OR docs OR queries OR audit" : undefined;
    const whole = await list({ sort, search, limit: 100 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ sort, search, limit: 2, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(whole.items.map((item) => item.id));
    expect(seen).toHaveLength(6);
  });

  it("refuses a cursor it did not make, or one from another sort", async () => {
    await expect(list({ cursor: "garbage" })).rejects.toThrow(InvalidCursorError);
    const newest = await list({ limit: 1 });
    await expect(list({ sort: "costliest", cursor: newest.nextCursor })).rejects.toThrow(/belongs to the "newest" order, not "costliest"/);
  });

  it("rejects contradictory requests with messages naming the field", () => {
    const issues = (input: unknown) => ZListTasksRequestSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ sort: "relevance" })).toEqual(["sort: relevance needs a search"]);
    expect(issues({ createdFrom: "2026-11-02", createdTo: "2026-11-01" })).toEqual(["createdTo: must be after createdFrom"]);
    expect(issues({ createdFrom: "yesterday" })).toEqual(["createdFrom: is not a date (use an ISO date such as 2026-11-29)"]);
    expect(issues({ status: [] })).toEqual(["status: name at least one status"]);
  });
});
