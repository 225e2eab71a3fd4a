// Stores log events for one task with gap-free per-task sequence numbers. One statement
// advances the task's counter (its own row, made by the first write) and inserts the rows, so it
// is atomic (a failure leaves no hole) and costs one round trip, which matters on the hot path of
// every agent. On the task row it takes only its foreign keys' KEY SHARE lock, which neither an
// update of the task nor the share lock of a completion or advance() waits for, or makes wait.
import type { LogKind, LogLevel, Sql } from "../../db/create-prisma";
import type { LogEventMessage } from "../../contracts/realtime";
import type { RealtimePublisher } from "../../realtime/publisher";
import { storableJson, storableText } from "./storable-text";

export interface NewLogEvent {
  subtaskId?: string | null;
  agentId?: string | null;
  kind: LogKind;
  level?: LogLevel;
  message: string;
  data?: unknown;
  /** When it happened, if not as it is written: an agent's lines wait a moment for their batch. */
  at?: Date;
}

const FOREIGN_KEY_VIOLATION = "23503";
/** The references to the task; a line naming a subtask that does not exist breaks another one. */
const TASK_REFERENCES = ["TaskLogCounter_taskId_fkey", "LogEvent_taskId_fkey"];

export class TaskNotFoundError extends Error {
  constructor(taskId: string) {
    super(`No task with id "${taskId}".`);
  }
}

export async function appendLogs(sql: Sql, taskId: string, entries: NewLogEvent[]): Promise<LogEventMessage[]> {
  if (entries.length === 0) return [];
  const writtenAt = new Date();
  const normalized = entries.map((entry) => ({
    subtaskId: entry.subtaskId ?? null,
    agentId: entry.agentId ?? null,
    kind: entry.kind,
    level: entry.level ?? "INFO",
    message: storableText(entry.message),
    data: storableJson(entry.data ?? null),
    createdAt: entry.at ?? writtenAt,
  }));
  const payload = JSON.stringify(normalized);
  const rows = await sql
    .query<{ seq: number }>`
    WITH counter AS (
      INSERT INTO "TaskLogCounter" ("taskId", seq) VALUES (${taskId}, ${entries.length}::int)
      ON CONFLICT ("taskId") DO UPDATE SET seq = "TaskLogCounter".seq + EXCLUDED.seq
      RETURNING seq - ${entries.length}::int AS base
    )
    INSERT INTO "LogEvent" ("taskId", seq, "subtaskId", "agentId", kind, level, message, data, "createdAt")
    SELECT ${taskId}, counter.base + e.ord::int, e.item->>'subtaskId', e.item->>'agentId',
           (e.item->>'kind')::"LogKind", (e.item->>'level')::"LogLevel", e.item->>'message',
           NULLIF(e.item->'data', 'null'::jsonb), (e.item->>'createdAt')::timestamp
    FROM counter, jsonb_array_elements(${payload}::jsonb) WITH ORDINALITY AS e(item, ord)
    RETURNING seq`
    .catch((error: { code?: string; constraint?: string }) => {
      throw error.code === FOREIGN_KEY_VIOLATION && TASK_REFERENCES.includes(error.constraint ?? "") ? new TaskNotFoundError(taskId) : error;
    });
  const seqs = rows.map((row) => row.seq).sort((a, b) => a - b);
  return normalized.map((entry, i) => toLogEventMessage({ ...entry, taskId, seq: seqs[i]! }));
}

/** The wire shape of a stored log event, for Socket.IO and tRPC alike. */
export function toLogEventMessage(row: {
  taskId: string;
  seq: number;
  subtaskId: string | null;
  agentId: string | null;
  kind: LogKind;
  level: LogLevel;
  message: string;
  data?: unknown;
  createdAt: Date;
}): LogEventMessage {
  return {
    taskId: row.taskId,
    seq: row.seq,
    subtaskId: row.subtaskId,
    agentId: row.agentId,
    kind: row.kind,
    level: row.level,
    message: row.message,
    data: row.data ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Appends and publishes in one step, for the few status lines services write themselves. */
export async function recordLogs(
  deps: { sql: Sql; publisher: RealtimePublisher },
  taskId: string,
  entries: NewLogEvent[],
): Promise<void> {
  deps.publisher.logs(await appendLogs(deps.sql, taskId, entries));
}
