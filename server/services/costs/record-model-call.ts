// Records one Messages API call: a ModelCall row, and its tokens and cost added to the subtask
// and the task, in one transaction so the task's totals are always the sum of its calls.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/create-prisma";
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

export async function recordModelCall(db: Db, call: ModelCallRecord): Promise<void> {
  const tokens = {
    inputTokens: { increment: call.inputTokens },
    outputTokens: { increment: call.outputTokens },
    cacheReadTokens: { increment: call.cacheReadTokens },
    cacheWriteTokens: { increment: call.cacheWriteTokens },
    costMicros: { increment: call.costMicros },
  };
  await db.$transaction([
    // The task's creator is copied onto the call, so spend per user is one GROUP BY.
    db.$executeRaw`
      INSERT INTO "ModelCall" (id, "taskId", "subtaskId", "profileId", "userId", "agentId", model, "inputTokens", "outputTokens",
        "cacheWriteTokens", "cacheReadTokens", "costMicros", "durationMs", "stopReason")
      SELECT ${randomUUID()}, t.id, ${call.subtaskId}, ${call.profileId}, t."createdById", ${call.agentId}, ${call.model},
        ${call.inputTokens}, ${call.outputTokens}, ${call.cacheWriteTokens}, ${call.cacheReadTokens}, ${call.costMicros},
        ${call.durationMs}, ${call.stopReason}
      FROM "Task" t WHERE t.id = ${call.taskId}`,
    db.task.update({ where: { id: call.taskId }, data: tokens }),
    ...(call.subtaskId ? [db.subtask.update({ where: { id: call.subtaskId }, data: tokens })] : []),
  ]);
}
