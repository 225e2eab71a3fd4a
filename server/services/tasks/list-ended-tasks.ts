// The caller's own tasks that ended since a moment the server named earlier: what a browser asks
// for when its socket (re)connects, so an end it was not connected for still notifies. Times are
// the server's, from one call to the next, so a browser's clock never decides what it missed.
import { z } from "zod";
import type { Db, TaskStatus } from "../../db/create-prisma";
import type { TaskEndedMessage } from "../../contracts/realtime";

/** A browser offline for longer than this gets the ends since then, not the whole history. */
const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1000;
const CATCH_UP_LIMIT = 20;
/** Ends are stamped by other processes' clocks: look a little earlier; the browser drops repeats. */
const CLOCK_OVERLAP_MS = 1_000;
const FINAL_STATUSES: TaskStatus[] = ["SUCCEEDED", "FAILED", "CANCELLED"];

export const ZEndedSinceRequestSchema = z.object({
  /** The `now` of the previous answer; without it, the answer starts the clock (and names `endedBefore`). */
  since: z.coerce.date({ error: "is not a date (pass the `now` of the previous answer)" }).optional(),
});

export interface EndedSince {
  now: string;
  ended: TaskEndedMessage[];
  /**
   * On the first look only: the caller's tasks that had ended by this read, so recently that the
   * next look's overlap finds them again. The browser does not announce them when a later look
   * names them (a live event for one still is: it ended while the page was listening).
   */
  endedBefore: string[];
}

export async function listEndedTasks(db: Db, userId: string, since: Date | undefined): Promise<EndedSince> {
  const endedFrom = (from: Date) => ({ createdById: userId, status: { in: FINAL_STATUSES }, finishedAt: { gte: from } });
  if (!since) {
    const before = await db.task.findMany({ where: endedFrom(new Date(Date.now() - CLOCK_OVERLAP_MS)), orderBy: { finishedAt: "desc" }, take: CATCH_UP_LIMIT, select: { id: true } });
    // Taken after the read: an end the read missed is after it, and the next look finds it.
    return { now: new Date().toISOString(), ended: [], endedBefore: before.map((task) => task.id) };
  }
  const now = new Date();
  const from = new Date(Math.max(since.getTime() - CLOCK_OVERLAP_MS, now.getTime() - CATCH_UP_WINDOW_MS));
  const tasks = await db.task.findMany({
    where: endedFrom(from),
    orderBy: { finishedAt: "desc" },
    take: CATCH_UP_LIMIT,
    select: { id: true, title: true, status: true, statusReason: true },
  });
  return {
    now: now.toISOString(),
    ended: tasks.map((task) => ({ taskId: task.id, title: task.title, status: task.status as TaskEndedMessage["status"], reason: task.statusReason })),
    endedBefore: [],
  };
}
