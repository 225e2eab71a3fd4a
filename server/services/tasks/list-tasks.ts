// One page of tasks, newest first, with subtask progress. Cursor pagination on (createdAt, id).
import { z } from "zod";
import type { Db } from "../../db/create-prisma";

export const TASK_STATUSES = ["PLANNING", "AWAITING_REVIEW", "RUNNING", "BUDGET_REACHED", "FINALIZING", "SUCCEEDED", "FAILED", "CANCELLED"] as const;

export const ZListTasksRequestSchema = z.object({
  status: z.enum(TASK_STATUSES).optional(),
  /** Words the title contains (any case). */
  search: z.string().trim().max(200, "is longer than 200 characters").optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(64).optional(),
});

export class UnknownCursorError extends Error {
  constructor(cursor: string) {
    super(`The cursor "${cursor}" does not point at a task; start again without a cursor.`);
  }
}

export async function listTasks(db: Db, request: z.output<typeof ZListTasksRequestSchema>) {
  if (request.cursor && !(await db.task.count({ where: { id: request.cursor } }))) throw new UnknownCursorError(request.cursor);
  const rows = await db.task.findMany({
    where: {
      ...(request.status ? { status: request.status } : {}),
      ...(request.search ? { title: { contains: request.search, mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: request.limit + 1,
    ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      title: true,
      status: true,
      priority: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      inputTokens: true,
      outputTokens: true,
      costMicros: true,
      subtasks: { select: { status: true } },
    },
  });
  const page = rows.slice(0, request.limit);
  return {
    items: page.map(({ subtasks, ...task }) => ({
      ...task,
      progress: { done: subtasks.filter((s) => s.status === "SUCCEEDED").length, total: subtasks.length },
    })),
    nextCursor: rows.length > request.limit ? page.at(-1)!.id : null,
  };
}
