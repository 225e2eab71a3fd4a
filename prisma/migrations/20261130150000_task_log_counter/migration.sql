-- A task's log counter moves off the task row into a row of its own. Every log write bumped it,
-- which took the task row's lock (a completion and advance() then waited for the log write) and
-- wrote a new version of the task row (a wide row with nine indexes) per batch of lines.
-- The task table stays locked from the copy to the drop: an agent of the previous version that is
-- still running cannot add lines in between, whose numbers the copy would miss.
BEGIN;
LOCK TABLE "Task" IN ACCESS EXCLUSIVE MODE;

CREATE TABLE "TaskLogCounter" (
    "taskId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    CONSTRAINT "TaskLogCounter_pkey" PRIMARY KEY ("taskId")
);

ALTER TABLE "TaskLogCounter" ADD CONSTRAINT "TaskLogCounter_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "TaskLogCounter" ("taskId", seq) SELECT id, "logSeq" FROM "Task" WHERE "logSeq" > 0;

ALTER TABLE "Task" DROP COLUMN "logSeq";
COMMIT;
