// Re-run: a new task with the prompt, title, priority, budget and plan-review choice of an
// earlier one, owned by whoever asked. The earlier task is only read; its log and the audit
// trail say where the new one came from.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { recordLogs } from "../logs/append-logs";
import type { OrchestratorDeps } from "../orchestration/deps";
import { ServiceError } from "../service-error";
import { createTask } from "./create-task";

export const ZRerunTaskRequestSchema = z.object({ id: z.string().min(1).max(64) });

/** What a re-run copies; also what the new-task form is prefilled with when editing first. */
export async function readRerunSource(deps: Pick<OrchestratorDeps, "db">, taskId: string) {
  const source = await deps.db.task.findUnique({ where: { id: taskId }, select: { id: true, prompt: true, title: true, priority: true, budgetMicros: true, reviewPlan: true } });
  if (!source) throw new ServiceError("NOT_FOUND", `No task with id "${taskId}".`);
  return source;
}

export async function rerunTask(deps: OrchestratorDeps, args: { taskId: string; actor: Actor; ip?: string }) {
  const source = await readRerunSource(deps, args.taskId);
  const task = await createTask(deps, {
    request: { prompt: source.prompt, title: source.title, priority: source.priority, reviewPlan: source.reviewPlan },
    userId: args.actor.userId,
    // Without a budget of its own the new task gets today's default, like any new task.
    budgetMicros: source.budgetMicros ?? undefined,
  });
  await recordAudit(deps.db, {
    actor: args.actor,
    action: "task.rerun",
    target: { type: "task", id: task.id },
    data: { fromTaskId: source.id },
    ip: args.ip,
  });
  await recordLogs(deps, task.id, [{ kind: "STATUS", message: `Re-run of task ${source.id} ("${source.title}"), requested by ${args.actor.email}.` }]);
  return task;
}
