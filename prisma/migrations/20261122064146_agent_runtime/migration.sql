-- CreateEnum
CREATE TYPE "ApprovalMode" AS ENUM ('NONE', 'COMMANDS', 'WRITES');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED');

-- AlterEnum
ALTER TYPE "TaskStatus" ADD VALUE 'BUDGET_REACHED';

-- AlterEnum
BEGIN;
CREATE TYPE "AgentState_new" AS ENUM ('INITIALIZING', 'IDLE', 'CLAIMED', 'WORKING', 'WAITING', 'COMPLETING', 'ERROR', 'TERMINATING', 'EXITED', 'CRASHED');
ALTER TABLE "AgentProcess" ALTER COLUMN "state" DROP DEFAULT;
-- Existing rows keep their meaning under the new names.
ALTER TABLE "AgentProcess" ALTER COLUMN "state" TYPE "AgentState_new" USING (
  CASE "state"::text WHEN 'STARTING' THEN 'INITIALIZING' WHEN 'STOPPING' THEN 'TERMINATING' ELSE "state"::text END
)::"AgentState_new";
ALTER TYPE "AgentState" RENAME TO "AgentState_old";
ALTER TYPE "AgentState_new" RENAME TO "AgentState";
DROP TYPE "AgentState_old";
ALTER TABLE "AgentProcess" ALTER COLUMN "state" SET DEFAULT 'INITIALIZING';
COMMIT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "budgetMicros" BIGINT,
ADD COLUMN     "costMicros" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Subtask" ADD COLUMN     "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "costMicros" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AgentProfile" ADD COLUMN     "approvalMode" "ApprovalMode" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "approvalTimeoutSeconds" INTEGER NOT NULL DEFAULT 600,
ADD COLUMN     "maxAgents" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "maxConcurrentCalls" INTEGER,
ADD COLUMN     "minAgents" INTEGER NOT NULL DEFAULT 1;

-- The old fixed agent count becomes the floor, and the ceiling is at least that.
UPDATE "AgentProfile" SET "minAgents" = "desiredAgents", "maxAgents" = GREATEST("desiredAgents", 2);
ALTER TABLE "AgentProfile" DROP COLUMN "desiredAgents";

-- AlterTable
ALTER TABLE "AgentProcess" ADD COLUMN     "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "state" SET DEFAULT 'INITIALIZING';

-- CreateTable
CREATE TABLE "ModelPrice" (
    "model" TEXT NOT NULL,
    "inputMicrosPerMTok" BIGINT NOT NULL,
    "outputMicrosPerMTok" BIGINT NOT NULL,
    "cacheWriteMicrosPerMTok" BIGINT NOT NULL,
    "cacheReadMicrosPerMTok" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelPrice_pkey" PRIMARY KEY ("model")
);

-- CreateTable
CREATE TABLE "ModelCall" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "subtaskId" TEXT,
    "profileId" TEXT,
    "userId" TEXT,
    "agentId" TEXT,
    "model" TEXT NOT NULL,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "cacheWriteTokens" INTEGER NOT NULL,
    "cacheReadTokens" INTEGER NOT NULL,
    "costMicros" BIGINT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "stopReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "defaultTaskBudgetMicros" BIGINT,
    "maxTaskBudgetMicros" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "subtaskId" TEXT NOT NULL,
    "agentId" TEXT,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WriteConflict" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "subtaskId" TEXT NOT NULL,
    "holderSubtaskId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WriteConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScalingEvent" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "fromCount" INTEGER NOT NULL,
    "toCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScalingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModelCall_taskId_idx" ON "ModelCall"("taskId");

-- CreateIndex
CREATE INDEX "ModelCall_createdAt_idx" ON "ModelCall"("createdAt");

-- CreateIndex
CREATE INDEX "ModelCall_profileId_createdAt_idx" ON "ModelCall"("profileId", "createdAt");

-- CreateIndex
CREATE INDEX "ModelCall_userId_createdAt_idx" ON "ModelCall"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Approval_taskId_status_idx" ON "Approval"("taskId", "status");

-- CreateIndex
CREATE INDEX "Approval_status_expiresAt_idx" ON "Approval"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "WriteConflict_taskId_idx" ON "WriteConflict"("taskId");

-- CreateIndex
CREATE INDEX "ScalingEvent_createdAt_idx" ON "ScalingEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "ModelCall" ADD CONSTRAINT "ModelCall_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelCall" ADD CONSTRAINT "ModelCall_subtaskId_fkey" FOREIGN KEY ("subtaskId") REFERENCES "Subtask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelCall" ADD CONSTRAINT "ModelCall_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AgentProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_subtaskId_fkey" FOREIGN KEY ("subtaskId") REFERENCES "Subtask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WriteConflict" ADD CONSTRAINT "WriteConflict_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScalingEvent" ADD CONSTRAINT "ScalingEvent_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "AgentProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

