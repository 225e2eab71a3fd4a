// Runs reconcile() every few seconds on whichever daemon holds the Redis lock, so one host does it.
import type { Redis } from "ioredis";
import { reconcile, type ReconcileReport } from "../../server/services/orchestration/reconcile";
import type { OrchestratorDeps } from "../../server/services/orchestration/deps";
import { recordRepairs } from "../../server/services/metrics/reconciler-repairs";

export interface ReconcilerOptions {
  deps: OrchestratorDeps;
  redis: Redis;
  lockKey: string;
  owner: string;
  intervalMs: number;
  agentStaleMs: number;
}

export function startReconciler(options: ReconcilerOptions): { stop(): void; runOnce(): Promise<ReconcileReport | null> } {
  let running = false;
  const runOnce = async (): Promise<ReconcileReport | null> => {
    if (running) return null;
    running = true;
    try {
      const acquired = await options.redis.set(options.lockKey, options.owner, "PX", options.intervalMs * 2, "NX");
      const mine = acquired === "OK" || (await options.redis.get(options.lockKey)) === options.owner;
      if (!mine) return null;
      await options.redis.pexpire(options.lockKey, options.intervalMs * 2);
      const report = await reconcile(options.deps, { agentStaleMs: options.agentStaleMs });
      const repaired = Object.entries(report).filter(([, n]) => n > 0);
      if (repaired.length) {
        console.log(`reconciler: ${repaired.map(([k, n]) => `${k}=${n}`).join(" ")}`);
        await recordRepairs(options.redis, options.deps.keys.reconcilerRepairs, report);
      }
      return report;
    } catch (error) {
      console.error("reconciler:", error instanceof Error ? error.message : error);
      return null;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  return { stop: () => clearInterval(timer), runOnce };
}
