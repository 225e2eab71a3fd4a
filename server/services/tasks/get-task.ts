// A task with its subtasks (and their dependency edges) and its write conflicts for the detail page.
import { z } from "zod";
import type { Db } from "../../db/create-prisma";

export const ZTaskByIdRequestSchema = z.object({ id: z.string().min(1).max(64) });

export async function getTask(db: Db, taskId: string) {
  const task = await db.task.findUnique({
    where: { id: taskId },
    include: {
      subtasks: {
        orderBy: { index: "asc" },
        include: {
          dependsOn: { select: { dependsOnId: true } },
          profile: { select: { name: true } },
        },
      },
      writeConflicts: { orderBy: { createdAt: "asc" }, select: { id: true, path: true, subtaskId: true, holderSubtaskId: true, outcome: true, createdAt: true } },
    },
  });
  if (!task) return null;
  return {
    ...task,
    writeConflicts: task.writeConflicts.map((conflict) => ({ ...conflict, outcome: conflict.outcome === "waited" ? ("waited" as const) : ("refused" as const) })),
    subtasks: task.subtasks.map(({ dependsOn, profile, ...subtask }) => ({
      ...subtask,
      profileName: profile?.name ?? null,
      dependsOn: dependsOn.map((d) => d.dependsOnId),
    })),
  };
}
export type TaskDetail = NonNullable<Awaited<ReturnType<typeof getTask>>>;

export async function taskExists(db: Db, taskId: string): Promise<boolean> {
  return ZTaskByIdRequestSchema.safeParse({ id: taskId }).success && (await db.task.count({ where: { id: taskId } })) > 0;
}
