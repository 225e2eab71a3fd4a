// Records one Messages API call: a ModelCall row, and its tokens and cost added to the subtask
// and the task, in one statement (atomic) so the task's totals are always the sum of its calls.
import { randomUUID } from "node:crypto";
import type { Sql } from "../../db/create-prisma";
import type { CallUsage } from "./compute-cost";

export interface ModelCallRecord extends CallUsage {
  taskId: string;
  subtaskId: string | null;
  profileId: string | null;
  agentId: string | null;
  model: string;
  costMicros: bigint;
  durationMs: number;
  stopReason: string | null;
}

export async function recordModelCall(sql: Sql, call: ModelCallRecord): Promise<void> {
  // One statement, so the row locks it takes (task, subtask, the analytics rollup's bucket, which
  // every call of the hour shares) are held for one round trip, not for a transaction's four.
  // The task is updated first, as every other writer of both rows does.
  const rows = await sql.query<{ id: string }>`
    WITH task AS (
      UPDATE "Task" SET "inputTokens" = "inputTokens" + ${call.inputTokens}::int, "outputTokens" = "outputTokens" + ${call.outputTokens}::int,
        "cacheReadTokens" = "cacheReadTokens" + ${call.cacheReadTokens}::int, "cacheWriteTokens" = "cacheWriteTokens" + ${call.cacheWriteTokens}::int,
        "costMicros" = "costMicros" + ${call.costMicros}::bigint, "updatedAt" = now()
      WHERE id = ${call.taskId}
      RETURNING id, "createdById"
    ), subtask AS (
      UPDATE "Subtask" SET "inputTokens" = "inputTokens" + ${call.inputTokens}::int, "outputTokens" = "outputTokens" + ${call.outputTokens}::int,
        "cacheReadTokens" = "cacheReadTokens" + ${call.cacheReadTokens}::int, "cacheWriteTokens" = "cacheWriteTokens" + ${call.cacheWriteTokens}::int,
        "costMicros" = "costMicros" + ${call.costMicros}::bigint, "updatedAt" = now()
      WHERE id = ${call.subtaskId}
    )
    -- The task's creator is copied onto the call, so spend per user is one GROUP BY.
    INSERT INTO "ModelCall" (id, "taskId", "subtaskId", "profileId", "userId", "agentId", model, "inputTokens", "outputTokens",
      "cacheWriteTokens", "cacheReadTokens", "costMicros", "durationMs", "stopReason")
    SELECT ${randomUUID()}, task.id, ${call.subtaskId}, ${call.profileId}, task."createdById", ${call.agentId}, ${call.model},
      ${call.inputTokens}, ${call.outputTokens}, ${call.cacheWriteTokens}, ${call.cacheReadTokens}, ${call.costMicros},
      ${call.durationMs}, ${call.stopReason}
    FROM task
    RETURNING id`;
  if (rows.length === 0) throw new Error(`No task with id "${call.taskId}" to record a model call on.`);
}
