// Creates a task and queues its planning. The plan job's id is the task id, so a retried
// request or job never plans twice.
import { z } from "zod";
import { getBudgetSettings, ZBudgetUsd } from "../budgets/budget-settings";
import { GENERALIST_PROFILE } from "../profiles/route-profile";
import { recordLogs } from "../logs/append-logs";
import type { OrchestratorDeps } from "../orchestration/deps";
import { deriveTitle, PROMPT_MAX_CHARS, TITLE_MAX_CHARS } from "../../contracts/task-input";

export const ZCreateTaskRequestSchema = z.object({
  prompt: z.string().trim().min(1, "is empty — describe what the agents should do").max(PROMPT_MAX_CHARS, `is longer than ${PROMPT_MAX_CHARS.toLocaleString("en-US")} characters`),
  title: z.string().trim().min(1).max(TITLE_MAX_CHARS).optional(),
  priority: z.number().int().min(1).max(10).default(5),
  /** Spend limit for the task's model calls; the installation's default when left out. */
  budgetUsd: ZBudgetUsd.optional(),
  /** Stop after planning, with the plan editable, until someone approves it (AWAITING_REVIEW). */
  reviewPlan: z.boolean().default(false),
});
export type CreateTaskRequest = z.input<typeof ZCreateTaskRequestSchema>;

export const DEFAULT_TASK_TIMEOUT_SECONDS = 30 * 60;

export async function createTask(
  deps: OrchestratorDeps,
  args: { request: Omit<z.output<typeof ZCreateTaskRequestSchema>, "reviewPlan"> & { reviewPlan?: boolean }; userId: string | null; timeoutSeconds?: number; budgetMicros?: bigint | null },
) {
  const { prompt, priority } = args.request;
  const timeoutSeconds = args.timeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS;
  const budgetMicros = args.budgetMicros !== undefined ? args.budgetMicros : (await getBudgetSettings(deps.db)).defaultTaskBudgetMicros;
  const task = await deps.db.task.create({
    data: {
      prompt,
      title: args.request.title ?? deriveTitle(prompt),
      priority,
      createdById: args.userId,
      budgetMicros,
      reviewPlan: args.request.reviewPlan ?? false,
      timeoutAt: new Date(Date.now() + timeoutSeconds * 1000),
    },
  });
  await recordLogs(deps, task.id, [{ kind: "STATUS", message: "Task submitted; planning." }]);
  await deps.dispatcher.enqueue("plan", { taskId: task.id }, { queue: deps.keys.agentQueue(GENERALIST_PROFILE) });
  deps.publisher.taskUpdate({ taskId: task.id, status: "PLANNING" });
  return task;
}
