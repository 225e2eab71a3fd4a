-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "estimatedCostMicros" BIGINT,
ADD COLUMN     "estimatedSeconds" INTEGER,
ADD COLUMN     "estimatedTokens" INTEGER;

