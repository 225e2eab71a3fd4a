// The live news that a task has ended: the status to everyone watching the task or the list, and
// a "task:ended" (title, outcome, reason) to its creator's own room, which every page of theirs
// is in, so their browser can notify them wherever they are. Call it after the final status commits.
import type { Db } from "../../db/create-prisma";
import type { TaskEndStatus } from "../../contracts/realtime";
import type { RealtimePublisher } from "../../realtime/publisher";

export async function publishTaskEnd(deps: { db: Db; publisher: RealtimePublisher }, taskId: string, status: TaskEndStatus): Promise<void> {
  deps.publisher.taskUpdate({ taskId, status });
  const task = await deps.db.task.findUnique({ where: { id: taskId }, select: { title: true, createdById: true, statusReason: true } });
  if (!task?.createdById) return;
  deps.publisher.taskEnded(task.createdById, { taskId, title: task.title, status, reason: task.statusReason });
}
