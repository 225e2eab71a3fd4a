-- A plan's estimate reads the history of succeeded subtasks: the latest 200 of each profile, and
-- the 20 whose titles are closest to each planned subtask's. Both are indexed over that history
-- only, so planning costs the same at a hundred thousand past subtasks as at a hundred.

-- The latest runs of a profile, read from the index alone (no sort of the profile's whole history).
CREATE INDEX IF NOT EXISTS "Subtask_history_idx" ON "Subtask" ("profileId", "finishedAt" DESC)
  INCLUDE ("startedAt", "inputTokens", "outputTokens", "cacheWriteTokens", "cacheReadTokens")
  WHERE status = 'SUCCEEDED' AND "startedAt" IS NOT NULL AND "finishedAt" IS NOT NULL;

-- The closest titles by trigram distance: a GiST index returns them nearest first, where the GIN
-- index it replaces could only find every similar title, for a sort of all of them.
CREATE INDEX IF NOT EXISTS "Subtask_history_title_trgm_idx" ON "Subtask" USING gist (title gist_trgm_ops)
  WHERE status = 'SUCCEEDED' AND "startedAt" IS NOT NULL AND "finishedAt" IS NOT NULL;

DROP INDEX IF EXISTS "Subtask_title_trgm_idx";
