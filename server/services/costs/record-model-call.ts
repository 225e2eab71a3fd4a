// Records one Messages API call: a ModelCall row, and its tokens and cost added to the subtask
// and the task, in one statement (atomic) so the task's totals are always the sum of its calls.
// The row's id is chosen when the call is made, so recording it again (after an answer lost with
// its connection, or after a completion statement that may have written it: see completeSubtask)
// changes nothing.
import { randomUUID } from "node:crypto";
import type { Sql } from "../../db/create-prisma";
import type { CallUsage } from "./compute-cost";

export interface ModelCallRecord extends CallUsage {
  id: string;
  taskId: string;
  subtaskId: string | null;
  profileId: string | null;
  agentId: string | null;
  model: string;
  costMicros: bigint;
  durationMs: number;
  stopReason: string | null;
}

export const newModelCallId = (): string => randomUUID();

/** Records the call unless a row with its id exists; false when it did. */
export async function recordModelCall(sql: Sql, call: ModelCallRecord): Promise<boolean> {
  // One statement, so the row locks it takes (task, subtask, the analytics rollup's bucket, which
  // every call of the hour shares) are held for one round trip, not for a transaction's four.
  // Each step reads the one before, which makes it run first: the task is updated before the
  // subtask, as every other writer of both rows does. The task's creator is copied onto the call,
  // so spend per user is one GROUP BY.
  const rows = await sql.query<{ taskExists: boolean; inserted: boolean }>`
    WITH call AS (
      INSERT INTO "ModelCall" (id, "taskId", "subtaskId", "profileId", "userId", "agentId", model, "inputTokens", "outputTokens",
        "cacheWriteTokens", "cacheReadTokens", "costMicros", "durationMs", "stopReason")
      SELECT ${call.id}, t.id, ${call.subtaskId}, ${call.profileId}, t."createdById", ${call.agentId}, ${call.model},
        ${call.inputTokens}, ${call.outputTokens}, ${call.cacheWriteTokens}, ${call.cacheReadTokens}, ${call.costMicros},
        ${call.durationMs}, ${call.stopReason}
      FROM "Task" t WHERE t.id = ${call.taskId}
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    ), task AS (
      UPDATE "Task" SET "inputTokens" = "inputTokens" + ${call.inputTokens}::int, "outputTokens" = "outputTokens" + ${call.outputTokens}::int,
        "cacheReadTokens" = "cacheReadTokens" + ${call.cacheReadTokens}::int, "cacheWriteTokens" = "cacheWriteTokens" + ${call.cacheWriteTokens}::int,
        "costMicros" = "costMicros" + ${call.costMicros}::bigint, "updatedAt" = now()
      WHERE id = ${call.taskId} AND EXISTS (SELECT 1 FROM call)
      RETURNING id
    ), subtask AS (
      UPDATE "Subtask" SET "inputTokens" = "inputTokens" + ${call.inputTokens}::int, "outputTokens" = "outputTokens" + ${call.outputTokens}::int,
        "cacheReadTokens" = "cacheReadTokens" + ${call.cacheReadTokens}::int, "cacheWriteTokens" = "cacheWriteTokens" + ${call.cacheWriteTokens}::int,
        "costMicros" = "costMicros" + ${call.costMicros}::bigint, "updatedAt" = now()
      WHERE id = ${call.subtaskId} AND EXISTS (SELECT 1 FROM task)
    )
    SELECT EXISTS (SELECT 1 FROM "Task" WHERE id = ${call.taskId}) AS "taskExists", EXISTS (SELECT 1 FROM call) AS inserted`;
  if (!rows[0]?.taskExists) throw new Error(`No task with id "${call.taskId}" to record a model call on.`);
  return rows[0].inserted;
}
