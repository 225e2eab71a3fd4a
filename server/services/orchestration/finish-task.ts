// Terminal transitions of a task: the synthesized result, or a failure with its reason.
import type { TaskResult } from "../../contracts/plan";
import type { Prisma } from "../../db/create-prisma";
import { recordLogs } from "../logs/append-logs";
import { publishTaskEnd } from "../tasks/publish-task-end";
import type { OrchestratorDeps } from "./deps";

export async function saveTaskResult(deps: OrchestratorDeps, taskId: string, result: TaskResult): Promise<boolean> {
  const { count } = await deps.db.task.updateMany({
    where: { id: taskId, status: "FINALIZING" },
    data: {
      status: "SUCCEEDED",
      resultMarkdown: result.markdown,
      resultData: (result.data ?? undefined) as Prisma.InputJsonValue | undefined,
      finishedAt: new Date(),
    },
  });
  if (count === 0) return false;
  // The closing line first: whoever watches for the final status has every line by then.
  await recordLogs(deps, taskId, [{ kind: "STATUS", message: "Task succeeded." }]);
  await publishTaskEnd(deps, taskId, "SUCCEEDED");
  return true;
}

export async function failTask(
  deps: OrchestratorDeps,
  taskId: string,
  reason: string,
  from: ("PLANNING" | "RUNNING" | "FINALIZING")[] = ["PLANNING", "RUNNING", "FINALIZING"],
): Promise<boolean> {
  const now = new Date();
  const skipped = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: taskId, status: { in: from } },
      data: { status: "FAILED", statusReason: reason, finishedAt: now },
    });
    if (count === 0) return null;
    const open = await tx.subtask.findMany({ where: { taskId, status: { in: ["PENDING", "QUEUED", "RUNNING"] } }, select: { id: true, status: true, agentId: true } });
    await tx.subtask.updateMany({ where: { id: { in: open.map((s) => s.id) } }, data: { status: "SKIPPED", statusReason: reason, finishedAt: now } });
    return open;
  });
  if (!skipped) return false;
  await deps.signals.abort(taskId, reason, agentsRunning(skipped));
  await recordLogs(deps, taskId, [{ kind: "STATUS", level: "ERROR", message: `Task failed: ${reason}` }]);
  await publishTaskEnd(deps, taskId, "FAILED");
  return true;
}

/** The agents holding these subtasks' runs: an abort waits for them to store their last lines. */
export function agentsRunning(subtasks: readonly { status: string; agentId: string | null }[]): string[] {
  return subtasks.flatMap((s) => (s.status === "RUNNING" && s.agentId ? [s.agentId] : []));
}
