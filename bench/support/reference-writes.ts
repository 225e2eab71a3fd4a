// The throughput benchmark's reference: per plain BullMQ job, the PostgreSQL rows the real
// pipeline writes per subtask (counted from the real run, per table), written with no
// orchestration: no reads, no locks, no transactions. Each update is its own statement, as the
// pipeline's state changes are; the inserts of one job go in one statement per table. Tables
// the pipeline fills through triggers (ModelCallRollup) follow from the ModelCall inserts.
import { randomUUID } from "node:crypto";
import { createPrisma } from "../../server/db/create-prisma";

/** Rows inserted and updated in each table, for one job. */
export type TableWrites = Record<string, { inserted: number; updated: number }>;

export const REPRODUCED_TABLES = ["Task", "TaskLogCounter", "Subtask", "SubtaskDependency", "LogEvent", "ModelCall", "AgentProcess"];
export const TRIGGER_TABLES = ["ModelCallRollup"];

export interface ReferenceJob {
  /** A reference task shared by a group of jobs, as a task's subtasks share their task row. */
  taskId: string;
  /** Subtasks of that task that new dependency rows point at. */
  anchorIds: string[];
  agentId: string;
  profileId: string;
  /** First free log sequence number for this job in its task. */
  seqBase: number;
  writes: TableWrites;
}

const id = () => `cref${randomUUID().replaceAll("-", "").slice(0, 21)}`;

export async function createReferenceWriter(databaseUrl: string) {
  const db = createPrisma(databaseUrl, { max: 3 });
  return {
    async run(job: ReferenceJob): Promise<void> {
      const count = (table: string) => job.writes[table] ?? { inserted: 0, updated: 0 };
      const now = new Date();
      for (let i = 0; i < count("Task").inserted; i++) {
        await db.$executeRaw`INSERT INTO "Task" (id, title, prompt, status, "updatedAt") VALUES (${id()}, 'reference', 'reference', 'SUCCEEDED', ${now})`;
      }
      const subtaskIds = Array.from({ length: count("Subtask").inserted }, id);
      if (subtaskIds.length > 0) {
        await db.$executeRaw`
          INSERT INTO "Subtask" (id, "taskId", index, title, instructions, capabilities, status, "updatedAt")
          SELECT s, ${job.taskId}, ${job.seqBase} + o::int, 'reference', 'reference', '{read}', 'PENDING', ${now}
          FROM unnest(${subtaskIds}::text[]) WITH ORDINALITY AS t(s, o)`;
      }
      const edges = count("SubtaskDependency").inserted;
      if (edges > 0 && subtaskIds.length > 0) {
        const from = Array.from({ length: edges }, (_, i) => subtaskIds[i % subtaskIds.length]!);
        const to = Array.from({ length: edges }, (_, i) => job.anchorIds[Math.floor(i / subtaskIds.length) % job.anchorIds.length]!);
        await db.$executeRaw`INSERT INTO "SubtaskDependency" ("subtaskId", "dependsOnId") SELECT * FROM unnest(${from}::text[], ${to}::text[]) ON CONFLICT DO NOTHING`;
      }
      const lines = count("LogEvent").inserted;
      if (lines > 0) {
        await db.$executeRaw`
          INSERT INTO "LogEvent" ("taskId", seq, "subtaskId", "agentId", kind, level, message, "createdAt")
          SELECT ${job.taskId}, ${job.seqBase} + g, ${subtaskIds[0] ?? null}, ${job.agentId}, 'STATUS', 'INFO', 'A reference log line of ordinary length.', ${now}
          FROM generate_series(1, ${lines}::int) g`;
      }
      const calls = count("ModelCall").inserted;
      if (calls > 0) {
        await db.$executeRaw`
          INSERT INTO "ModelCall" (id, "taskId", "subtaskId", "profileId", "agentId", model, "inputTokens", "outputTokens", "cacheWriteTokens", "cacheReadTokens", "costMicros", "durationMs", "createdAt")
          SELECT 'cref' || md5(random()::text), ${job.taskId}, ${subtaskIds[0] ?? null}, ${job.profileId}, ${job.agentId}, 'claude-sonnet-5', 900, 120, 0, 0, 4500, 3, ${now}
          FROM generate_series(1, ${calls}::int)`;
      }
      const target = subtaskIds[0] ?? job.anchorIds[0]!;
      for (let i = 0; i < count("Subtask").updated; i++) {
        await db.$executeRaw`UPDATE "Subtask" SET status = 'RUNNING', attempts = attempts + 1, "updatedAt" = now() WHERE id = ${target}`;
      }
      for (let i = 0; i < count("Task").updated; i++) {
        await db.$executeRaw`UPDATE "Task" SET "planAttempts" = "planAttempts" + 1, "updatedAt" = now() WHERE id = ${job.taskId}`;
      }
      // The log counter is upserted as the pipeline does: its task's first write inserts the row.
      const counter = count("TaskLogCounter");
      for (let i = 0; i < counter.inserted + counter.updated; i++) {
        await db.$executeRaw`INSERT INTO "TaskLogCounter" ("taskId", seq) VALUES (${job.taskId}, 1) ON CONFLICT ("taskId") DO UPDATE SET seq = "TaskLogCounter".seq + 1`;
      }
      for (let i = 0; i < count("AgentProcess").updated; i++) {
        await db.$executeRaw`UPDATE "AgentProcess" SET state = 'WORKING', "stateChangedAt" = now(), "lastHeartbeatAt" = now() WHERE id = ${job.agentId}`;
      }
    },
    close: () => db.$disconnect(),
  };
}
