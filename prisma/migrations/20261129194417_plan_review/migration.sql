-- AlterEnum
ALTER TYPE "TaskStatus" ADD VALUE 'AWAITING_REVIEW';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "planVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewPlan" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Subtask" ADD COLUMN     "estimateBasis" TEXT,
ADD COLUMN     "estimateSamples" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "estimatedCostMicros" BIGINT,
ADD COLUMN     "estimatedSeconds" INTEGER,
ADD COLUMN     "estimatedTokens" INTEGER;

-- AlterTable
ALTER TABLE "Settings" ADD COLUMN     "reviewAboveMicros" BIGINT;


-- Estimates find subtasks with similar titles by trigram similarity. pg_trgm ships with
-- PostgreSQL's contrib package (in Debian's and the official Docker image's PostgreSQL, and on
-- the managed services) and is a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS "Subtask_title_trgm_idx" ON "Subtask" USING gin (title gin_trgm_ops);
