-- Where each dependent of a subtask that has just finished stands. PL/pgSQL and VOLATILE, so it is
-- never inlined and its query takes a fresh snapshot: a completion that calls it after taking the
-- lock on its task row sees every completion of the same task that committed before it. The
-- finished subtask itself counts as succeeded.
--   ready    PENDING, and every other dependency has succeeded
--   waiting  PENDING, and every other dependency is succeeded, queued or running: each of those ends
--            in a completion or a failure that takes the task row lock too, and decides then
--   settled  no longer PENDING: another run of the graph has already moved it
--   other    PENDING with a dependency that is pending, failed, was skipped or was cancelled
-- (The body is an escape string with its semicolons as \073: the migration runner splits scripts at semicolons.)
CREATE OR REPLACE FUNCTION dependents_state(finished text, dependents text[])
RETURNS TABLE (subtask_id text, readiness text) LANGUAGE plpgsql VOLATILE AS E'
BEGIN
  RETURN QUERY
  SELECT s.id, CASE
      WHEN s.status <> ''PENDING'' THEN ''settled''
      WHEN bool_and(p.id IS NULL OR p.id = finished OR p.status = ''SUCCEEDED'') THEN ''ready''
      WHEN bool_and(p.id IS NULL OR p.id = finished OR p.status IN (''SUCCEEDED'', ''QUEUED'', ''RUNNING'')) THEN ''waiting''
      ELSE ''other''
    END
  FROM "Subtask" s
  LEFT JOIN "SubtaskDependency" d ON d."subtaskId" = s.id
  LEFT JOIN "Subtask" p ON p.id = d."dependsOnId"
  WHERE s.id = ANY(dependents)
  GROUP BY s.id, s.status\073
END
';
