-- The subtask rollup trigger ran its four statements on every status change, about 0.7 ms of
-- server CPU each time and three times per subtask run (queued, claimed, finished). A subtask
-- that never started adds nothing to any rollup, so the trigger now fires only for rows that have
-- started, and each statement runs only when one of the two rows can contribute to its rollup.

DROP TRIGGER subtask_rollups_update ON "Subtask";
CREATE TRIGGER subtask_rollups_update AFTER UPDATE ON "Subtask" FOR EACH ROW
  WHEN ((OLD."startedAt" IS NOT NULL OR NEW."startedAt" IS NOT NULL)
    AND (OLD.status IS DISTINCT FROM NEW.status OR OLD."queuedAt" IS DISTINCT FROM NEW."queuedAt" OR OLD."startedAt" IS DISTINCT FROM NEW."startedAt"
      OR OLD."finishedAt" IS DISTINCT FROM NEW."finishedAt" OR OLD."agentId" IS DISTINCT FROM NEW."agentId" OR OLD."profileId" IS DISTINCT FROM NEW."profileId"))
  EXECUTE FUNCTION subtask_rollups_trigger();

-- Durations and queue wait need a start (subtask_durations_of), busy time needs an agent and an
-- end (subtask_busy_of). Emptied buckets can only appear where an old row contributed.
CREATE OR REPLACE FUNCTION apply_subtask_rollups(old_rows "Subtask"[], new_rows "Subtask"[]) RETURNS VOID LANGUAGE plpgsql AS E'
DECLARE
  old_timed boolean := EXISTS (SELECT 1 FROM unnest(old_rows) s WHERE s."startedAt" IS NOT NULL)\073
  new_timed boolean := EXISTS (SELECT 1 FROM unnest(new_rows) s WHERE s."startedAt" IS NOT NULL)\073
  old_busy boolean := EXISTS (SELECT 1 FROM unnest(old_rows) s WHERE s."agentId" IS NOT NULL AND s."finishedAt" IS NOT NULL)\073
  new_busy boolean := EXISTS (SELECT 1 FROM unnest(new_rows) s WHERE s."agentId" IS NOT NULL AND s."finishedAt" IS NOT NULL)\073
BEGIN
  IF old_timed OR new_timed THEN
    INSERT INTO "DurationRollup" AS r (granularity, kind, bucket, bin, count)
    SELECT g.granularity, d.kind, date_trunc(g.granularity, d.bucket), d.bin, SUM(x.sign)
    FROM (SELECT -1 AS sign, s FROM unnest(old_rows) s UNION ALL SELECT 1, s FROM unnest(new_rows) s) x CROSS JOIN LATERAL subtask_durations_of(x.s) d CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)
    GROUP BY 1, 2, 3, 4 HAVING SUM(x.sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (granularity, kind, bucket, bin) DO UPDATE SET count = r.count + EXCLUDED.count\073
  END IF\073
  IF old_timed THEN
    DELETE FROM "DurationRollup" r
    USING (SELECT DISTINCT g.granularity, d.kind, date_trunc(g.granularity, d.bucket) AS bucket, d.bin
      FROM unnest(old_rows) s CROSS JOIN LATERAL subtask_durations_of(s) d CROSS JOIN (VALUES (''hour''), (''day'')) g(granularity)) z
    WHERE r.granularity = z.granularity AND r.kind = z.kind AND r.bucket = z.bucket AND r.bin = z.bin AND r.count = 0\073
  END IF\073

  IF old_busy OR new_busy THEN
    INSERT INTO "AgentTimeRollup" AS r (bucket, "profileId", "busyMs", "aliveMs")
    SELECT a.bucket, a."profileId", SUM(x.sign * a.ms), 0
    FROM (SELECT -1 AS sign, s FROM unnest(old_rows) s UNION ALL SELECT 1, s FROM unnest(new_rows) s) x CROSS JOIN LATERAL subtask_busy_of(x.s) a
    GROUP BY 1, 2 HAVING SUM(x.sign * a.ms) <> 0 ORDER BY 1, 2
    ON CONFLICT (bucket, "profileId") DO UPDATE SET "busyMs" = r."busyMs" + EXCLUDED."busyMs"\073
  END IF\073
  IF old_busy THEN
    DELETE FROM "AgentTimeRollup" r USING (SELECT DISTINCT a.bucket, a."profileId" FROM unnest(old_rows) s CROSS JOIN LATERAL subtask_busy_of(s) a) z
    WHERE r.bucket = z.bucket AND r."profileId" = z."profileId" AND r."busyMs" = 0 AND r."aliveMs" = 0\073
  END IF\073
END
';
