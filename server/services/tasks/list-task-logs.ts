// A page of a task's log events, always in ascending seq order. Forward pages (after a seq) serve
// catch-up after a reconnect and readers that stream from the start; backward pages (the newest
// lines, or those before a seq) let the dashboard show the end of a long log first and load
// older history behind it. Both walk the (taskId, seq) unique index.
import { z } from "zod";
import type { Db, LogKind, LogLevel } from "../../db/create-prisma";
import { toLogEventMessage } from "../logs/append-logs";
import type { LogEventMessage } from "../../contracts/realtime";

export const ZTaskLogsRequestSchema = z.object({
  id: z.string().min(1).max(64),
  afterSeq: z.number().int().min(0).default(0),
  /** Only lines before this seq (backward pages). */
  beforeSeq: z.number().int().min(1).optional(),
  /** forward: the first `limit` lines after `afterSeq`; backward: the last `limit` before `beforeSeq`. */
  direction: z.enum(["forward", "backward"]).default("forward"),
  limit: z.number().int().min(1).max(5000).default(500),
  /** Tool inputs and outputs can be kilobytes each; a long history is far lighter without them,
   * and a viewer fetches one line's data when someone opens it. */
  withData: z.boolean().default(true),
});

/** `dataOmitted` is true when the line has data that was left out of this page. */
export type TaskLogItem = LogEventMessage & { dataOmitted: boolean };

interface LogRowRecord {
  seq: number;
  subtaskId: string | null;
  agentId: string | null;
  kind: LogKind;
  level: LogLevel;
  message: string;
  data: unknown;
  hasData: boolean;
  createdAt: Date;
}

const NO_UPPER_BOUND = 2_147_483_647;

export async function listTaskLogs(db: Db, request: z.output<typeof ZTaskLogsRequestSchema>): Promise<{ items: TaskLogItem[]; hasMore: boolean }> {
  const { id, afterSeq, limit, withData } = request;
  const beforeSeq = request.beforeSeq ?? NO_UPPER_BOUND;
  // `data` is only read (and de-TOASTed) when asked for; its presence costs nothing.
  const rows =
    request.direction === "forward"
      ? await db.$queryRaw<LogRowRecord[]>`
          SELECT seq, "subtaskId", "agentId", kind, level, message, CASE WHEN ${withData} THEN data END AS data,
                 data IS NOT NULL AS "hasData", "createdAt"
          FROM "LogEvent" WHERE "taskId" = ${id} AND seq > ${afterSeq} AND seq < ${beforeSeq}
          ORDER BY seq ASC LIMIT ${limit}`
      : await db.$queryRaw<LogRowRecord[]>`
          SELECT seq, "subtaskId", "agentId", kind, level, message, CASE WHEN ${withData} THEN data END AS data,
                 data IS NOT NULL AS "hasData", "createdAt"
          FROM "LogEvent" WHERE "taskId" = ${id} AND seq > ${afterSeq} AND seq < ${beforeSeq}
          ORDER BY seq DESC LIMIT ${limit}`;
  if (request.direction === "backward") rows.reverse();
  const items = rows.map((row) => ({ ...toLogEventMessage({ ...row, taskId: id }), dataOmitted: !withData && row.hasData }));
  return { items, hasMore: rows.length === limit };
}
