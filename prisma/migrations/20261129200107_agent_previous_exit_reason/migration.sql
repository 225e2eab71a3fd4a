-- AlterTable
ALTER TABLE "AgentProcess" ADD COLUMN     "previousExitReason" TEXT;

