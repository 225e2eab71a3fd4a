// Subtask state changes made by agents. Each run claims the subtask and receives an attempt
// number; results are written only for that attempt while it is RUNNING, so a run that was
// presumed dead (and re-run elsewhere) can never record a second result.
import type { FinishInput } from "../../contracts/plan";
import { advance } from "./advance";
import type { OrchestratorDeps } from "./deps";

/** A claimed run: its attempt number and, read in the same statement, what the run needs. */
export interface SubtaskClaim {
  attempt: number;
  title: string;
  instructions: string;
  taskPrompt: string;
  /** The subtask's dependencies, in plan order, with their results. */
  dependencies: { title: string; summary: string | null; output: unknown }[];
  /** The approval policy of the claiming agent's profile, read at claim so an admin's change applies to the next run. */
  policy: { approvalMode: "NONE" | "COMMANDS" | "WRITES"; approvalTimeoutSeconds: number };
  /** The task's status and spend at the claim, for the budget check before the first model call. */
  spend: { status: string; costMicros: bigint; budgetMicros: bigint | null };
}

export async function claimSubtask(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; agentId: string; profileId: string },
): Promise<SubtaskClaim | null> {
  // One round trip on the hot path: the claim, the subtask's inputs and the profile's policy.
  const rows = await deps.sql.query<Omit<SubtaskClaim, "spend"> & { taskStatus: string; costMicros: bigint; budgetMicros: bigint | null }>`
    WITH claimed AS (
      UPDATE "Subtask" s SET status = 'RUNNING', attempts = s.attempts + 1, "agentId" = ${args.agentId},
        "startedAt" = COALESCE(s."startedAt", now()), "statusReason" = NULL, "updatedAt" = now()
      FROM "Task" t
      WHERE s.id = ${args.subtaskId} AND s."taskId" = ${args.taskId} AND t.id = s."taskId"
        AND t.status = 'RUNNING' AND s.status IN ('QUEUED', 'RUNNING')
      RETURNING s.id, s.attempts, s.title, s.instructions, t.prompt, t.status::text AS "taskStatus", t."costMicros", t."budgetMicros"
    )
    SELECT c.attempts AS attempt, c.title, c.instructions, c.prompt AS "taskPrompt",
      c."taskStatus", c."costMicros", c."budgetMicros",
      COALESCE((
        SELECT json_agg(json_build_object('title', p.title, 'summary', p.summary, 'output', p.output) ORDER BY p.index)
        FROM "SubtaskDependency" d JOIN "Subtask" p ON p.id = d."dependsOnId"
        WHERE d."subtaskId" = c.id
      ), '[]'::json) AS dependencies,
      -- A profile deleted under its running agent gets the columns' defaults; the claim is never lost.
      json_build_object('approvalMode', COALESCE(a."approvalMode", 'NONE'), 'approvalTimeoutSeconds', COALESCE(a."approvalTimeoutSeconds", 600)) AS policy
    FROM claimed c LEFT JOIN "AgentProfile" a ON a.id = ${args.profileId}`;
  const row = rows[0];
  if (!row) return null;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: "RUNNING" });
  const { taskStatus, costMicros, budgetMicros, ...claimed } = row;
  return { ...claimed, spend: { status: taskStatus, costMicros, budgetMicros } };
}

export async function completeSubtask(
  deps: OrchestratorDeps,
  args: {
    taskId: string;
    subtaskId: string;
    attempt: number;
    result: FinishInput;
    /** The run's last log lines being stored meanwhile: advance() waits for them, so dependents start after them. */
    logsStored?: Promise<void>;
  },
): Promise<boolean> {
  // The attempt fence: only the run holding the latest claim records a result, and only once.
  const output = args.result.output === undefined || args.result.output === null ? null : JSON.stringify(args.result.output);
  const completed = deps.sql.execute`
    UPDATE "Subtask" SET status = 'SUCCEEDED', summary = ${args.result.summary}, output = COALESCE(${output}::jsonb, output),
      "finishedAt" = ${new Date()}, "updatedAt" = now()
    WHERE id = ${args.subtaskId} AND status = 'RUNNING' AND attempts = ${args.attempt}`;
  const [count] = await Promise.all([completed, args.logsStored]);
  if (count === 0) return false;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: "SUCCEEDED" });
  await advance(deps, args.taskId);
  return true;
}

/** A failed attempt: back to QUEUED while BullMQ retries, FAILED (and advance) when final. */
export async function failSubtaskAttempt(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; attempt: number; reason: string; final: boolean },
): Promise<void> {
  const status = args.final ? "FAILED" : "QUEUED";
  const { count } = await deps.db.subtask.updateMany({
    where: { id: args.subtaskId, status: "RUNNING", attempts: args.attempt },
    data: { status, statusReason: args.reason, ...(args.final ? { finishedAt: new Date() } : {}) },
  });
  if (count === 0) return;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: status });
  if (args.final) await advance(deps, args.taskId);
}

/**
 * Hands a claimed subtask back without using up its attempt: the run stopped at a safe point
 * before a model call (budget reached: back to PENDING, for advance() to queue on resume; fleet
 * paused: back to QUEUED, its job returns to the queue). Logs and spend so far are kept.
 */
export async function releaseSubtask(
  deps: OrchestratorDeps,
  args: { taskId: string; subtaskId: string; attempt: number; to: "PENDING" | "QUEUED"; reason: string },
): Promise<boolean> {
  const { count } = await deps.db.subtask.updateMany({
    where: { id: args.subtaskId, status: "RUNNING", attempts: args.attempt },
    data: { status: args.to, statusReason: args.reason, attempts: { decrement: 1 }, agentId: null },
  });
  if (count === 0) return false;
  deps.publisher.taskUpdate({ taskId: args.taskId, subtaskId: args.subtaskId, subtaskStatus: args.to });
  return true;
}
