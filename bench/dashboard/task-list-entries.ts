// Every query shape the Tasks page sends: the first page, each filter, search, each sort and a
// page 200 pages deep (found by following real cursors' worth of rows).
import { listTasks, ZListTasksRequestSchema } from "../../server/services/tasks/list-tasks";
import { encodeCursor } from "../../server/services/tasks/list-tasks-request";
import type { BenchEntries, BenchEntry } from "./bench-entry";

const GOAL_MS = 150;
const DAY = 86_400_000;

export const taskListEntries: BenchEntries = async (ctx) => {
  const list = (input: Record<string, unknown>) => () => listTasks(ctx.db, ZListTasksRequestSchema.parse({ limit: 25, ...input }));
  const weekAgo = new Date(ctx.newestCreatedAt.getTime() - 7 * DAY);
  const deep = await ctx.db.task.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: 5_000, take: 1, select: { id: true, createdAt: true } });
  const deepCursor = encodeCursor({ sort: "newest", key: deep[0]!.createdAt.toISOString(), createdAt: deep[0]!.createdAt.toISOString(), id: deep[0]!.id });

  const shapes: [string, () => Promise<unknown>][] = [
    ["first page (newest)", list({})],
    ["status: failed", list({ status: "FAILED" })],
    ["status: running or planning", list({ status: ["RUNNING", "PLANNING"] })],
    ["creator", list({ createdById: ctx.busyCreatorId })],
    ["profile (rarest)", list({ profileId: ctx.rareProfileId })],
    ["date range (one week)", list({ createdFrom: weekAgo, createdTo: ctx.newestCreatedAt })],
    ["search: one word (ranked)", list({ search: "billing" })],
    ["search: phrase and exclusion", list({ search: '"security review" -pricing' })],
    ["search + status + sort newest", list({ search: "incidents", status: "SUCCEEDED", sort: "newest" })],
    ["sort: oldest", list({ sort: "oldest" })],
    ["sort: longest duration", list({ sort: "longest" })],
    ["sort: highest cost", list({ sort: "costliest" })],
    ["highest cost + failed + creator", list({ sort: "costliest", status: "FAILED", createdById: ctx.busyCreatorId })],
    ["deep page (row 5,000)", list({ cursor: deepCursor })],
  ];
  return shapes.map(([name, run]): BenchEntry => ({ group: "task list", name, goalMs: GOAL_MS, run }));
};
