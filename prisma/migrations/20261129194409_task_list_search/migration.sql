-- The task list: generated columns for duration sort and full-text search, and the indexes that
-- back each filter and sort (see server/services/tasks/list-tasks.ts).

-- DropIndex (superseded by createdAt, id for keyset pagination)
DROP INDEX "Task_createdAt_idx";

-- Generated columns: PostgreSQL keeps them true on every write, and the application never writes them.
ALTER TABLE "Task"
  ADD COLUMN "durationMs" INTEGER GENERATED ALWAYS AS (
    CASE WHEN "startedAt" IS NOT NULL AND "finishedAt" IS NOT NULL
      THEN LEAST(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")) * 1000, 2147483647)::integer
    END
  ) STORED,
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce("prompt", '')), 'B')
  ) STORED;

-- CreateIndex
CREATE INDEX "Task_createdAt_id_idx" ON "Task"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Task_createdById_createdAt_id_idx" ON "Task"("createdById", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Task_costMicros_createdAt_id_idx" ON "Task"("costMicros", "createdAt", "id");

-- Longest first with unfinished tasks (null duration) last, not expressible in the Prisma schema.
CREATE INDEX "Task_durationSort_createdAt_id_idx" ON "Task"((COALESCE("durationMs", -1)), "createdAt", "id");

-- CreateIndex
CREATE INDEX "Task_searchVector_idx" ON "Task" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Subtask_profileId_taskId_idx" ON "Subtask"("profileId", "taskId");
