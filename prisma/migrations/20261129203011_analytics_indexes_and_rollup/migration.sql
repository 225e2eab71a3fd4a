-- Analytics: indexes for reading tasks and subtasks by time (with the columns the aggregates read,
-- so most are answered from the index alone), and ModelCall summed per hour and per day.

-- CreateTable
CREATE TABLE "ModelCallRollup" (
    "granularity" TEXT NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "profileId" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL,
    "userId" TEXT NOT NULL DEFAULT '',
    "calls" BIGINT NOT NULL,
    "inputTokens" BIGINT NOT NULL,
    "outputTokens" BIGINT NOT NULL,
    "cacheReadTokens" BIGINT NOT NULL,
    "cacheWriteTokens" BIGINT NOT NULL,
    "costMicros" BIGINT NOT NULL,

    CONSTRAINT "ModelCallRollup_pkey" PRIMARY KEY ("granularity","bucket","profileId","model","userId")
);

-- CreateIndex
CREATE INDEX "Task_finishedAt_idx" ON "Task"("finishedAt") INCLUDE ("status", "createdAt", "estimatedCostMicros", "costMicros");

-- CreateIndex
CREATE INDEX "Subtask_finishedAt_idx" ON "Subtask"("finishedAt") INCLUDE ("status", "startedAt");

-- CreateIndex
CREATE INDEX "Subtask_startedAt_idx" ON "Subtask"("startedAt") INCLUDE ("queuedAt", "finishedAt", "agentId", "profileId");


-- The rollup follows ModelCall through statement-level triggers: one upsert per group of rows a
-- statement inserted or deleted, in the same transaction. ModelCall rows are never updated.
-- The function bodies are escaped strings with \073 for each semicolon because the migration
-- runner splits scripts at every semicolon, even inside a function body.
CREATE FUNCTION model_call_rollup_insert() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ModelCallRollup" AS r (granularity, bucket, "profileId", model, "userId", calls, "inputTokens", "outputTokens",
    "cacheReadTokens", "cacheWriteTokens", "costMicros")
  SELECT g.granularity, date_trunc(g.granularity, c."createdAt"), COALESCE(c."profileId", ''''), c.model, COALESCE(c."userId", ''''),
    COUNT(*), SUM(c."inputTokens"), SUM(c."outputTokens"), SUM(c."cacheReadTokens"), SUM(c."cacheWriteTokens"), SUM(c."costMicros")
  FROM inserted_calls c CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (granularity, bucket, "profileId", model, "userId") DO UPDATE SET
    calls = r.calls + EXCLUDED.calls, "inputTokens" = r."inputTokens" + EXCLUDED."inputTokens",
    "outputTokens" = r."outputTokens" + EXCLUDED."outputTokens", "cacheReadTokens" = r."cacheReadTokens" + EXCLUDED."cacheReadTokens",
    "cacheWriteTokens" = r."cacheWriteTokens" + EXCLUDED."cacheWriteTokens", "costMicros" = r."costMicros" + EXCLUDED."costMicros"\073
  RETURN NULL\073
END ';

CREATE FUNCTION model_call_rollup_delete() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ModelCallRollup" AS r (granularity, bucket, "profileId", model, "userId", calls, "inputTokens", "outputTokens",
    "cacheReadTokens", "cacheWriteTokens", "costMicros")
  SELECT g.granularity, date_trunc(g.granularity, c."createdAt"), COALESCE(c."profileId", ''''), c.model, COALESCE(c."userId", ''''),
    -COUNT(*), -SUM(c."inputTokens"), -SUM(c."outputTokens"), -SUM(c."cacheReadTokens"), -SUM(c."cacheWriteTokens"), -SUM(c."costMicros")
  FROM deleted_calls c CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (granularity, bucket, "profileId", model, "userId") DO UPDATE SET
    calls = r.calls + EXCLUDED.calls, "inputTokens" = r."inputTokens" + EXCLUDED."inputTokens",
    "outputTokens" = r."outputTokens" + EXCLUDED."outputTokens", "cacheReadTokens" = r."cacheReadTokens" + EXCLUDED."cacheReadTokens",
    "cacheWriteTokens" = r."cacheWriteTokens" + EXCLUDED."cacheWriteTokens", "costMicros" = r."costMicros" + EXCLUDED."costMicros"\073
  DELETE FROM "ModelCallRollup" WHERE calls = 0\073
  RETURN NULL\073
END ';

CREATE FUNCTION model_call_rollup_truncate() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "ModelCallRollup"\073
  RETURN NULL\073
END ';

-- Refills the rollup from ModelCall, for bulk loads that bypass triggers (session_replication_role = replica).
CREATE FUNCTION rebuild_model_call_rollup() RETURNS VOID LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "ModelCallRollup"\073
  INSERT INTO "ModelCallRollup" AS r (granularity, bucket, "profileId", model, "userId", calls, "inputTokens", "outputTokens",
    "cacheReadTokens", "cacheWriteTokens", "costMicros")
  SELECT g.granularity, date_trunc(g.granularity, c."createdAt"), COALESCE(c."profileId", ''''), c.model, COALESCE(c."userId", ''''),
    COUNT(*), SUM(c."inputTokens"), SUM(c."outputTokens"), SUM(c."cacheReadTokens"), SUM(c."cacheWriteTokens"), SUM(c."costMicros")
  FROM "ModelCall" c CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (granularity, bucket, "profileId", model, "userId") DO UPDATE SET
    calls = r.calls + EXCLUDED.calls, "inputTokens" = r."inputTokens" + EXCLUDED."inputTokens",
    "outputTokens" = r."outputTokens" + EXCLUDED."outputTokens", "cacheReadTokens" = r."cacheReadTokens" + EXCLUDED."cacheReadTokens",
    "cacheWriteTokens" = r."cacheWriteTokens" + EXCLUDED."cacheWriteTokens", "costMicros" = r."costMicros" + EXCLUDED."costMicros"\073
END ';

CREATE TRIGGER model_call_rollup_insert AFTER INSERT ON "ModelCall" REFERENCING NEW TABLE AS inserted_calls
  FOR EACH STATEMENT EXECUTE FUNCTION model_call_rollup_insert();
CREATE TRIGGER model_call_rollup_delete AFTER DELETE ON "ModelCall" REFERENCING OLD TABLE AS deleted_calls
  FOR EACH STATEMENT EXECUTE FUNCTION model_call_rollup_delete();
CREATE TRIGGER model_call_rollup_truncate AFTER TRUNCATE ON "ModelCall"
  FOR EACH STATEMENT EXECUTE FUNCTION model_call_rollup_truncate();

SELECT rebuild_model_call_rollup();
