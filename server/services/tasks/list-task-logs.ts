// A task's log events in seq order after a given seq; the browser uses it for history and for
// catching up after a reconnect.
import { z } from "zod";
import type { Db } from "../../db/create-prisma";
import { toLogEventMessage } from "../logs/append-logs";

export const ZTaskLogsRequestSchema = z.object({
  id: z.string().min(1).max(64),
  afterSeq: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(2000).default(500),
});

export async function listTaskLogs(db: Db, request: z.output<typeof ZTaskLogsRequestSchema>) {
  const rows = await db.logEvent.findMany({
    where: { taskId: request.id, seq: { gt: request.afterSeq } },
    orderBy: { seq: "asc" },
    take: request.limit,
  });
  return { items: rows.map(toLogEventMessage), hasMore: rows.length === request.limit };
}
