-- Analytics rollups kept as rows change, so every analytics query reads a few thousand rows
-- instead of every task, subtask and agent process in its range: tasks that ended by status (with
-- the plans' estimates), duration histograms in fixed log-scale bins (task and subtask durations,
-- queue waits) and agent busy / alive milliseconds, all per UTC hour.
--
-- Each source row's contribution is one small SQL function of the row (task_outcome_of,
-- task_durations_of, subtask_durations_of, subtask_busy_of, process_alive_of). Triggers add the
-- contributions of inserted rows and subtract those of deleted ones (statement-level, from the
-- transition tables), and a row-level trigger on UPDATE of the columns that matter subtracts the old
-- row's contribution and adds the new one's. rebuild_analytics_rollups() refills all three from
-- scratch, for bulk loads that bypass triggers (session_replication_role = replica).
--
-- Upserts take their rows in key order, so two transactions touching the same rollup rows lock
-- them in the same order.
--
-- Function bodies are escaped strings with \073 for each semicolon because the migration runner
-- splits scripts at every semicolon, even inside a function body.

-- CreateTable
CREATE TABLE "TaskOutcomeRollup" (
    "bucket" TIMESTAMP(3) NOT NULL,
    "status" "TaskStatus" NOT NULL,
    "tasks" BIGINT NOT NULL,
    "estimatedTasks" BIGINT NOT NULL,
    "estimatedMicros" BIGINT NOT NULL,
    "estimatedActualMicros" BIGINT NOT NULL,

    CONSTRAINT "TaskOutcomeRollup_pkey" PRIMARY KEY ("bucket","status")
);

-- CreateTable
CREATE TABLE "DurationRollup" (
    "granularity" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "bin" SMALLINT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "DurationRollup_pkey" PRIMARY KEY ("granularity","kind","bucket","bin") INCLUDE ("count")
);

-- CreateTable
CREATE TABLE "AgentTimeRollup" (
    "bucket" TIMESTAMP(3) NOT NULL,
    "profileId" TEXT NOT NULL DEFAULT '',
    "busyMs" BIGINT NOT NULL,
    "aliveMs" BIGINT NOT NULL,

    CONSTRAINT "AgentTimeRollup_pkey" PRIMARY KEY ("bucket","profileId")
);

-- Running subtasks are added to utilisation at query time: find them without reading the rest.
CREATE INDEX "Subtask_running_idx" ON "Subtask"("startedAt") INCLUDE ("profileId") WHERE "finishedAt" IS NULL AND "startedAt" IS NOT NULL AND "agentId" IS NOT NULL;

-- Failure reasons read only failed rows.
CREATE INDEX "Task_failed_finishedAt_idx" ON "Task"("finishedAt") WHERE status = 'FAILED';
CREATE INDEX "Subtask_failed_finishedAt_idx" ON "Subtask"("finishedAt") INCLUDE ("taskId") WHERE status = 'FAILED';

-- Utilisation no longer reads every subtask by startedAt, but queue waits at a range's ends still do.
DROP INDEX "Subtask_startedAt_idx";
CREATE INDEX "Subtask_startedAt_idx" ON "Subtask"("startedAt") INCLUDE ("queuedAt");

-- The bin of a duration in milliseconds: 50 bins per power of ten, bin k holding [10^(k/50),
-- 10^((k+1)/50)) ms, so a bin's upper edge is 4.7 % above its lower edge. Bin -1 holds [0, 1) ms
-- (and negative durations, from clock skew). Keep in step with duration-histogram.ts.
CREATE FUNCTION duration_bin(ms double precision) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT CASE WHEN ms < 1 THEN -1 ELSE floor(50 * log(ms))::smallint END';

-- The milliseconds of [s, e) in each UTC hour it touches.
CREATE FUNCTION hour_pieces(s timestamp, e timestamp) RETURNS TABLE(bucket timestamp, ms bigint) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS '
  SELECT g, (EXTRACT(EPOCH FROM (LEAST(e, g + interval ''1 hour'') - GREATEST(s, g))) * 1000)::bigint
  FROM generate_series(date_trunc(''hour'', s), e - interval ''1 microsecond'', interval ''1 hour'') g
  WHERE e > s';

-- A task that ended: its hour, status, and (succeeded with an estimate) estimate and cost.
CREATE FUNCTION task_outcome_of(t "Task")
  RETURNS TABLE(bucket timestamp, status "TaskStatus", tasks bigint, "estimatedTasks" bigint, "estimatedMicros" bigint, "estimatedActualMicros" bigint)
  LANGUAGE sql IMMUTABLE AS '
  SELECT date_trunc(''hour'', t."finishedAt"), t.status, 1::bigint,
    (t.status = ''SUCCEEDED'' AND t."estimatedCostMicros" IS NOT NULL)::int::bigint,
    CASE WHEN t.status = ''SUCCEEDED'' THEN COALESCE(t."estimatedCostMicros", 0) ELSE 0 END,
    CASE WHEN t.status = ''SUCCEEDED'' AND t."estimatedCostMicros" IS NOT NULL THEN t."costMicros" ELSE 0 END
  WHERE t."finishedAt" IS NOT NULL AND t.status IN (''SUCCEEDED'', ''FAILED'', ''CANCELLED'')';

-- A succeeded task's duration, submitted to result, in the hour it finished.
CREATE FUNCTION task_durations_of(t "Task") RETURNS TABLE(kind text, bucket timestamp, bin smallint) LANGUAGE sql IMMUTABLE AS '
  SELECT ''task'', date_trunc(''hour'', t."finishedAt"), duration_bin(EXTRACT(EPOCH FROM (t."finishedAt" - t."createdAt"))::float8 * 1000)
  WHERE t.status = ''SUCCEEDED'' AND t."finishedAt" IS NOT NULL';

-- A succeeded subtask's duration (first claim to result, in the hour it finished) and any
-- subtask's queue wait (queued to first claim, in the hour it was claimed).
CREATE FUNCTION subtask_durations_of(s "Subtask") RETURNS TABLE(kind text, bucket timestamp, bin smallint) LANGUAGE sql IMMUTABLE AS '
  SELECT ''subtask'', date_trunc(''hour'', s."finishedAt"), duration_bin(EXTRACT(EPOCH FROM (s."finishedAt" - s."startedAt"))::float8 * 1000)
  WHERE s.status = ''SUCCEEDED'' AND s."startedAt" IS NOT NULL AND s."finishedAt" IS NOT NULL
  UNION ALL
  SELECT ''queue'', date_trunc(''hour'', s."startedAt"), duration_bin(EXTRACT(EPOCH FROM (s."startedAt" - s."queuedAt"))::float8 * 1000)
  WHERE s."queuedAt" IS NOT NULL AND s."startedAt" IS NOT NULL';

-- A finished subtask run by an agent: its milliseconds per hour, credited to its profile.
CREATE FUNCTION subtask_busy_of(s "Subtask") RETURNS TABLE(bucket timestamp, "profileId" text, ms bigint) LANGUAGE sql IMMUTABLE AS '
  SELECT h.bucket, COALESCE(s."profileId", ''''), h.ms FROM hour_pieces(s."startedAt", s."finishedAt") h
  WHERE s."agentId" IS NOT NULL AND s."finishedAt" IS NOT NULL';

-- An ended agent process: its lifetime in milliseconds per hour.
CREATE FUNCTION process_alive_of(p "AgentProcess") RETURNS TABLE(bucket timestamp, "profileId" text, ms bigint) LANGUAGE sql IMMUTABLE AS '
  SELECT h.bucket, p."profileId", h.ms FROM hour_pieces(p."startedAt", p."endedAt") h
  WHERE p."endedAt" IS NOT NULL';

-- Subtract the contributions of old_rows from the rollups and add those of new_rows.
CREATE FUNCTION apply_task_rollups(old_rows "Task"[], new_rows "Task"[]) RETURNS VOID LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "TaskOutcomeRollup" AS r (bucket, status, tasks, "estimatedTasks", "estimatedMicros", "estimatedActualMicros")
  SELECT o.bucket, o.status, SUM(x.sign * o.tasks), SUM(x.sign * o."estimatedTasks"), SUM(x.sign * o."estimatedMicros"), SUM(x.sign * o."estimatedActualMicros")
  FROM (SELECT -1 AS sign, t FROM unnest(old_rows) t UNION ALL SELECT 1, t FROM unnest(new_rows) t) x CROSS JOIN LATERAL task_outcome_of(x.t) o
  GROUP BY 1, 2
  HAVING SUM(x.sign * o.tasks) <> 0 OR SUM(x.sign * o."estimatedTasks") <> 0 OR SUM(x.sign * o."estimatedMicros") <> 0 OR SUM(x.sign * o."estimatedActualMicros") <> 0
  ORDER BY 1, 2
  ON CONFLICT (bucket, status) DO UPDATE SET tasks = r.tasks + EXCLUDED.tasks, "estimatedTasks" = r."estimatedTasks" + EXCLUDED."estimatedTasks",
    "estimatedMicros" = r."estimatedMicros" + EXCLUDED."estimatedMicros", "estimatedActualMicros" = r."estimatedActualMicros" + EXCLUDED."estimatedActualMicros"\073
  DELETE FROM "TaskOutcomeRollup" r USING (SELECT DISTINCT o.bucket, o.status FROM unnest(old_rows) t CROSS JOIN LATERAL task_outcome_of(t) o) z
  WHERE r.bucket = z.bucket AND r.status = z.status AND r.tasks = 0\073

  INSERT INTO "DurationRollup" AS r (granularity, kind, bucket, bin, count)
  SELECT g.granularity, d.kind, date_trunc(g.granularity, d.bucket), d.bin, SUM(x.sign)
  FROM (SELECT -1 AS sign, t FROM unnest(old_rows) t UNION ALL SELECT 1, t FROM unnest(new_rows) t) x CROSS JOIN LATERAL task_durations_of(x.t) d CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)
  GROUP BY 1, 2, 3, 4 HAVING SUM(x.sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (granularity, kind, bucket, bin) DO UPDATE SET count = r.count + EXCLUDED.count\073
  DELETE FROM "DurationRollup" r
  USING (SELECT DISTINCT g.granularity, d.kind, date_trunc(g.granularity, d.bucket) AS bucket, d.bin
    FROM unnest(old_rows) t CROSS JOIN LATERAL task_durations_of(t) d CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)) z
  WHERE r.granularity = z.granularity AND r.kind = z.kind AND r.bucket = z.bucket AND r.bin = z.bin AND r.count = 0\073
END
';

CREATE FUNCTION apply_subtask_rollups(old_rows "Subtask"[], new_rows "Subtask"[]) RETURNS VOID LANGUAGE plpgsql AS E'
BEGIN

  INSERT INTO "DurationRollup" AS r (granularity, kind, bucket, bin, count)
  SELECT g.granularity, d.kind, date_trunc(g.granularity, d.bucket), d.bin, SUM(x.sign)
  FROM (SELECT -1 AS sign, s FROM unnest(old_rows) s UNION ALL SELECT 1, s FROM unnest(new_rows) s) x CROSS JOIN LATERAL subtask_durations_of(x.s) d CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)
  GROUP BY 1, 2, 3, 4 HAVING SUM(x.sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (granularity, kind, bucket, bin) DO UPDATE SET count = r.count + EXCLUDED.count\073
  DELETE FROM "DurationRollup" r
  USING (SELECT DISTINCT g.granularity, d.kind, date_trunc(g.granularity, d.bucket) AS bucket, d.bin
    FROM unnest(old_rows) s CROSS JOIN LATERAL subtask_durations_of(s) d CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)) z
  WHERE r.granularity = z.granularity AND r.kind = z.kind AND r.bucket = z.bucket AND r.bin = z.bin AND r.count = 0\073

  INSERT INTO "AgentTimeRollup" AS r (bucket, "profileId", "busyMs", "aliveMs")
  SELECT a.bucket, a."profileId", SUM(x.sign * a.ms), 0
  FROM (SELECT -1 AS sign, s FROM unnest(old_rows) s UNION ALL SELECT 1, s FROM unnest(new_rows) s) x CROSS JOIN LATERAL subtask_busy_of(x.s) a
  GROUP BY 1, 2 HAVING SUM(x.sign * a.ms) <> 0 ORDER BY 1, 2
  ON CONFLICT (bucket, "profileId") DO UPDATE SET "busyMs" = r."busyMs" + EXCLUDED."busyMs"\073
  DELETE FROM "AgentTimeRollup" r USING (SELECT DISTINCT a.bucket, a."profileId" FROM unnest(old_rows) s CROSS JOIN LATERAL subtask_busy_of(s) a) z
  WHERE r.bucket = z.bucket AND r."profileId" = z."profileId" AND r."busyMs" = 0 AND r."aliveMs" = 0\073
END
';

CREATE FUNCTION apply_agent_process_rollups(old_rows "AgentProcess"[], new_rows "AgentProcess"[]) RETURNS VOID LANGUAGE plpgsql AS E'
BEGIN

  INSERT INTO "AgentTimeRollup" AS r (bucket, "profileId", "busyMs", "aliveMs")
  SELECT a.bucket, a."profileId", 0, SUM(x.sign * a.ms)
  FROM (SELECT -1 AS sign, p FROM unnest(old_rows) p UNION ALL SELECT 1, p FROM unnest(new_rows) p) x CROSS JOIN LATERAL process_alive_of(x.p) a
  GROUP BY 1, 2 HAVING SUM(x.sign * a.ms) <> 0 ORDER BY 1, 2
  ON CONFLICT (bucket, "profileId") DO UPDATE SET "aliveMs" = r."aliveMs" + EXCLUDED."aliveMs"\073
  DELETE FROM "AgentTimeRollup" r USING (SELECT DISTINCT a.bucket, a."profileId" FROM unnest(old_rows) p CROSS JOIN LATERAL process_alive_of(p) a) z
  WHERE r.bucket = z.bucket AND r."profileId" = z."profileId" AND r."busyMs" = 0 AND r."aliveMs" = 0\073
END
';

-- Refills every analytics rollup from Task, Subtask and AgentProcess.
CREATE FUNCTION rebuild_analytics_rollups() RETURNS VOID LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "TaskOutcomeRollup", "DurationRollup", "AgentTimeRollup"\073
  INSERT INTO "TaskOutcomeRollup" (bucket, status, tasks, "estimatedTasks", "estimatedMicros", "estimatedActualMicros")
  SELECT o.bucket, o.status, SUM(o.tasks), SUM(o."estimatedTasks"), SUM(o."estimatedMicros"), SUM(o."estimatedActualMicros")
  FROM "Task" t CROSS JOIN LATERAL task_outcome_of(t) o
  GROUP BY 1, 2\073
  INSERT INTO "DurationRollup" (granularity, kind, bucket, bin, count)
  SELECT g.granularity, x.kind, date_trunc(g.granularity, x.bucket), x.bin, COUNT(*)
  FROM (
    SELECT d.kind, d.bucket, d.bin FROM "Task" t CROSS JOIN LATERAL task_durations_of(t) d
    UNION ALL
    SELECT d.kind, d.bucket, d.bin FROM "Subtask" s CROSS JOIN LATERAL subtask_durations_of(s) d
  ) x CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)
  GROUP BY 1, 2, 3, 4\073
  INSERT INTO "AgentTimeRollup" (bucket, "profileId", "busyMs", "aliveMs")
  SELECT x.bucket, x."profileId", SUM(x.busy), SUM(x.alive)
  FROM (
    SELECT a.bucket, a."profileId", a.ms AS busy, 0 AS alive FROM "Subtask" s CROSS JOIN LATERAL subtask_busy_of(s) a
    UNION ALL
    SELECT a.bucket, a."profileId", 0, a.ms FROM "AgentProcess" p CROSS JOIN LATERAL process_alive_of(p) a
  ) x
  GROUP BY 1, 2\073
END
';

-- Inserts and deletes by statement (from the transition tables), updates by row, truncation by a rebuild.
CREATE FUNCTION task_rollups_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    PERFORM apply_task_rollups(ARRAY[OLD], ARRAY[NEW])\073
  ELSIF TG_OP = ''INSERT'' THEN
    PERFORM apply_task_rollups(''{}'', ARRAY(SELECT t::"Task" FROM new_rows t))\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM apply_task_rollups(ARRAY(SELECT t::"Task" FROM old_rows t), ''{}'')\073
  ELSE
    PERFORM rebuild_analytics_rollups()\073
  END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION subtask_rollups_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    PERFORM apply_subtask_rollups(ARRAY[OLD], ARRAY[NEW])\073
  ELSIF TG_OP = ''INSERT'' THEN
    PERFORM apply_subtask_rollups(''{}'', ARRAY(SELECT s::"Subtask" FROM new_rows s))\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM apply_subtask_rollups(ARRAY(SELECT s::"Subtask" FROM old_rows s), ''{}'')\073
  ELSE
    PERFORM rebuild_analytics_rollups()\073
  END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION agent_process_rollups_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    PERFORM apply_agent_process_rollups(ARRAY[OLD], ARRAY[NEW])\073
  ELSIF TG_OP = ''INSERT'' THEN
    PERFORM apply_agent_process_rollups(''{}'', ARRAY(SELECT p::"AgentProcess" FROM new_rows p))\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM apply_agent_process_rollups(ARRAY(SELECT p::"AgentProcess" FROM old_rows p), ''{}'')\073
  ELSE
    PERFORM rebuild_analytics_rollups()\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER task_rollups_insert AFTER INSERT ON "Task" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_rollups_trigger();
CREATE TRIGGER task_rollups_delete AFTER DELETE ON "Task" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_rollups_trigger();
CREATE TRIGGER task_rollups_update AFTER UPDATE ON "Task" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."finishedAt" IS DISTINCT FROM NEW."finishedAt" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt"
    OR (NEW."finishedAt" IS NOT NULL AND (OLD."costMicros" IS DISTINCT FROM NEW."costMicros" OR OLD."estimatedCostMicros" IS DISTINCT FROM NEW."estimatedCostMicros")))
  EXECUTE FUNCTION task_rollups_trigger();
CREATE TRIGGER task_rollups_truncate AFTER TRUNCATE ON "Task"
  FOR EACH STATEMENT EXECUTE FUNCTION task_rollups_trigger();

CREATE TRIGGER subtask_rollups_insert AFTER INSERT ON "Subtask" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION subtask_rollups_trigger();
CREATE TRIGGER subtask_rollups_delete AFTER DELETE ON "Subtask" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION subtask_rollups_trigger();
CREATE TRIGGER subtask_rollups_update AFTER UPDATE ON "Subtask" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."queuedAt" IS DISTINCT FROM NEW."queuedAt" OR OLD."startedAt" IS DISTINCT FROM NEW."startedAt"
    OR OLD."finishedAt" IS DISTINCT FROM NEW."finishedAt" OR OLD."agentId" IS DISTINCT FROM NEW."agentId" OR OLD."profileId" IS DISTINCT FROM NEW."profileId")
  EXECUTE FUNCTION subtask_rollups_trigger();
CREATE TRIGGER subtask_rollups_truncate AFTER TRUNCATE ON "Subtask"
  FOR EACH STATEMENT EXECUTE FUNCTION subtask_rollups_trigger();

CREATE TRIGGER agent_process_rollups_insert AFTER INSERT ON "AgentProcess" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agent_process_rollups_trigger();
CREATE TRIGGER agent_process_rollups_delete AFTER DELETE ON "AgentProcess" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agent_process_rollups_trigger();
CREATE TRIGGER agent_process_rollups_update AFTER UPDATE ON "AgentProcess" FOR EACH ROW
  WHEN (OLD."startedAt" IS DISTINCT FROM NEW."startedAt" OR OLD."endedAt" IS DISTINCT FROM NEW."endedAt" OR OLD."profileId" IS DISTINCT FROM NEW."profileId")
  EXECUTE FUNCTION agent_process_rollups_trigger();
CREATE TRIGGER agent_process_rollups_truncate AFTER TRUNCATE ON "AgentProcess"
  FOR EACH STATEMENT EXECUTE FUNCTION agent_process_rollups_trigger();

SELECT rebuild_analytics_rollups();
