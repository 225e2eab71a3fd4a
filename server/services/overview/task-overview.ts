// The overview's task lists: what is running, what waits for a plan, what finished last, and
// how many tasks are in each open state. Each list is short; the tasks page has the rest.
import type { Db } from "../../db/create-prisma";

export const OVERVIEW_LIST_SIZE = 5;

const RUNNING = ["RUNNING", "FINALIZING"] as const;
const FINISHED = ["SUCCEEDED", "FAILED", "CANCELLED"] as const;
const OPEN = ["PLANNING", "AWAITING_REVIEW", "RUNNING", "FINALIZING", "BUDGET_REACHED"] as const;

const select = {
  id: true,
  title: true,
  status: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  costMicros: true,
} as const;

export async function taskOverview(db: Db) {
  const [counts, running, queued, recent] = await Promise.all([
    db.task.groupBy({ by: ["status"], where: { status: { in: [...OPEN] } }, _count: { _all: true } }),
    db.task.findMany({ where: { status: { in: [...RUNNING] } }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: OVERVIEW_LIST_SIZE, select }),
    // Oldest first: the next to be planned.
    db.task.findMany({ where: { status: "PLANNING" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: OVERVIEW_LIST_SIZE, select }),
    db.task.findMany({ where: { status: { in: [...FINISHED] }, finishedAt: { not: null } }, orderBy: [{ finishedAt: "desc" }, { id: "desc" }], take: OVERVIEW_LIST_SIZE, select }),
  ]);
  // Progress of the listed tasks only: counting through the relation would group every subtask.
  const listed = [...running, ...queued, ...recent].map((task) => task.id);
  const subtasks = await db.subtask.groupBy({ by: ["taskId", "status"], where: { taskId: { in: listed } }, _count: { _all: true } });
  const progressOf = (taskId: string) => {
    const own = subtasks.filter((row) => row.taskId === taskId);
    const done = own.find((row) => row.status === "SUCCEEDED")?._count._all ?? 0;
    return { done, total: own.reduce((sum, row) => sum + row._count._all, 0) };
  };
  const count = (status: (typeof OPEN)[number]) => counts.find((row) => row.status === status)?._count._all ?? 0;
  const toItem = (task: (typeof running)[number]) => ({ ...task, progress: progressOf(task.id) });
  return {
    counts: { running: count("RUNNING") + count("FINALIZING"), queued: count("PLANNING"), paused: count("BUDGET_REACHED"), awaitingReview: count("AWAITING_REVIEW") },
    running: running.map(toItem),
    queued: queued.map(toItem),
    recent: recent.map(toItem),
  };
}
