// What the chaos run reads back from PostgreSQL. A trigger (installed in the run's own database,
// not part of Baton's schema) records every claim of a subtask and every result written for it,
// with the database's clock, so duplicate results and re-run latencies are measured, not guessed.
import type { Db } from "../../server/db/create-prisma";

const INSTALL = [
  `CREATE TABLE IF NOT EXISTS chaos_subtask_event (
     id bigserial PRIMARY KEY, subtask_id text NOT NULL, task_id text NOT NULL, kind text NOT NULL,
     attempts int NOT NULL, agent_id text, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  `CREATE OR REPLACE FUNCTION chaos_subtask_audit() RETURNS trigger AS $$
   BEGIN
     IF NEW.status = 'RUNNING' AND NEW.attempts > OLD.attempts THEN
       INSERT INTO chaos_subtask_event (subtask_id, task_id, kind, attempts, agent_id) VALUES (NEW.id, NEW."taskId", 'claim', NEW.attempts, NEW."agentId");
     END IF;
     IF NEW.status = 'SUCCEEDED' AND OLD.status IS DISTINCT FROM 'SUCCEEDED' THEN
       INSERT INTO chaos_subtask_event (subtask_id, task_id, kind, attempts, agent_id) VALUES (NEW.id, NEW."taskId", 'result', NEW.attempts, NEW."agentId");
     END IF;
     RETURN NEW;
   END $$ LANGUAGE plpgsql`,
  `DROP TRIGGER IF EXISTS chaos_subtask_audit ON "Subtask"`,
  `CREATE TRIGGER chaos_subtask_audit AFTER UPDATE ON "Subtask" FOR EACH ROW EXECUTE FUNCTION chaos_subtask_audit()`,
];

export async function installAudit(db: Db): Promise<void> {
  for (const statement of INSTALL) await db.$executeRawUnsafe(statement);
}

export interface SubtaskEvent {
  subtaskId: string;
  kind: "claim" | "result";
  attempts: number;
  at: Date;
}

export async function subtaskEvents(db: Db): Promise<SubtaskEvent[]> {
  const rows = await db.$queryRawUnsafe<{ subtask_id: string; kind: "claim" | "result"; attempts: number; at: Date }[]>(
    `SELECT subtask_id, kind, attempts, at FROM chaos_subtask_event ORDER BY at`,
  );
  return rows.map((row) => ({ subtaskId: row.subtask_id, kind: row.kind, attempts: row.attempts, at: row.at }));
}

/** Tasks whose log seqs are not exactly 1..max (a gap, or a seq counter ahead of its rows). */
export async function logSeqGaps(db: Db): Promise<{ taskId: string; rows: number; maxSeq: number; logSeq: number }[]> {
  const rows = await db.$queryRawUnsafe<{ id: string; rows: bigint; max_seq: number | null; min_seq: number | null; log_seq: number }[]>(
    `SELECT t.id, count(l.seq) AS rows, max(l.seq) AS max_seq, min(l.seq) AS min_seq, COALESCE(c.seq, 0) AS log_seq
       FROM "Task" t LEFT JOIN "TaskLogCounter" c ON c."taskId" = t.id LEFT JOIN "LogEvent" l ON l."taskId" = t.id GROUP BY t.id, c.seq`,
  );
  return rows
    .filter((r) => Number(r.rows) !== (r.max_seq ?? 0) || (r.min_seq ?? 1) !== 1 || r.log_seq !== (r.max_seq ?? 0))
    .map((r) => ({ taskId: r.id, rows: Number(r.rows), maxSeq: r.max_seq ?? 0, logSeq: r.log_seq }));
}

/** Subtasks an agent holds right now (RUNNING under that agent), with their attempt numbers. */
export async function heldSubtasks(db: Db, agentIds: string[]): Promise<{ id: string; attempts: number }[]> {
  if (agentIds.length === 0) return [];
  return db.subtask.findMany({ where: { status: "RUNNING", agentId: { in: agentIds } }, select: { id: true, attempts: true } });
}
