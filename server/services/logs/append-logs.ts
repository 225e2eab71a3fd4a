// Stores log events for one task with gap-free per-task sequence numbers: the counter on the
// task row is advanced and the rows inserted in one transaction, so a failure leaves no hole.
import type { Db, LogKind, LogLevel } from "../../db/create-prisma";
import type { Prisma } from "../../db/create-prisma";
import type { LogEventMessage } from "../../contracts/realtime";
import type { RealtimePublisher } from "../../realtime/publisher";

export interface NewLogEvent {
  subtaskId?: string | null;
  agentId?: string | null;
  kind: LogKind;
  level?: LogLevel;
  message: string;
  data?: unknown;
}

export async function appendLogs(db: Db, taskId: string, entries: NewLogEvent[]): Promise<LogEventMessage[]> {
  if (entries.length === 0) return [];
  const createdAt = new Date();
  const rows = await db.$transaction(async (tx) => {
    const { logSeq } = await tx.task.update({
      where: { id: taskId },
      data: { logSeq: { increment: entries.length } },
      select: { logSeq: true },
    });
    const first = logSeq - entries.length + 1;
    const data = entries.map((entry, offset) => ({
      taskId,
      seq: first + offset,
      subtaskId: entry.subtaskId ?? null,
      agentId: entry.agentId ?? null,
      kind: entry.kind,
      level: entry.level ?? "INFO",
      message: entry.message,
      data: (entry.data ?? undefined) as Prisma.InputJsonValue | undefined,
      createdAt,
    }));
    await tx.logEvent.createMany({ data });
    return data;
  });
  return rows.map(toLogEventMessage);
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
  deps: { db: Db; publisher: RealtimePublisher },
  taskId: string,
  entries: NewLogEvent[],
): Promise<void> {
  deps.publisher.logs(await appendLogs(deps.db, taskId, entries));
}
