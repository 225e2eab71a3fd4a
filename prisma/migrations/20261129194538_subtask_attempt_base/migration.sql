-- AlterTable
ALTER TABLE "Subtask" ADD COLUMN     "attemptBase" INTEGER NOT NULL DEFAULT 0;

