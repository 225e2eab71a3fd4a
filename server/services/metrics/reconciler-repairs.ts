// The reconciler's repairs, counted in one Redis hash (field per kind of repair) by whichever
// daemon ran it, so the web process's /api/metrics sees every host's repairs at scrape time.
import type { Redis } from "ioredis";
import type { ReconcileReport } from "../orchestration/reconcile";

export async function recordRepairs(redis: Redis, key: string, report: ReconcileReport): Promise<void> {
  const repaired = Object.entries(report).filter(([, n]) => n > 0);
  if (repaired.length === 0) return;
  const multi = redis.multi();
  for (const [kind, n] of repaired) multi.hincrby(key, kind, n);
  await multi.exec();
}

export async function readRepairs(redis: Redis, key: string): Promise<Record<keyof ReconcileReport, number>> {
  const stored = await redis.hgetall(key);
  const count = (kind: keyof ReconcileReport) => Number(stored[kind] ?? 0);
  return {
    jobsReadded: count("jobsReadded"),
    subtasksRequeued: count("subtasksRequeued"),
    subtasksFailed: count("subtasksFailed"),
    tasksTimedOut: count("tasksTimedOut"),
    tasksAdvanced: count("tasksAdvanced"),
  };
}
