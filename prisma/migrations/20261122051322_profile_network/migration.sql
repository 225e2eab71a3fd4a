-- AlterTable
ALTER TABLE "AgentProfile" ADD COLUMN     "networkAllowed" BOOLEAN NOT NULL DEFAULT false;

