// Runs reconcile() every few seconds on whichever daemon holds the Redis lock, so one host does it;
// a daemon that starts runs it at once, which puts back the work of agents a killed daemon left.
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
  /** True for a lock holder known to be gone (a daemon on this host killed before it let go). */
  holderIsGone?: (holder: string) => boolean;
}

// Takes the lock over from a named holder only if that holder still has it.
const TAKE_OVER = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("SET", KEYS[1], ARGV[2], "PX", ARGV[3]) end return false`;

export function startReconciler(options: ReconcilerOptions): { stop(): void; runOnce(): Promise<ReconcileReport | null> } {
  let running = false;
  const runOnce = async (): Promise<ReconcileReport | null> => {
    if (running) return null;
    running = true;
    try {
      const acquired = await options.redis.set(options.lockKey, options.owner, "PX", options.intervalMs * 2, "NX");
      let holder = acquired === "OK" ? options.owner : await options.redis.get(options.lockKey);
      // A daemon killed on this host holds the lock until it expires; its successor need not wait.
      if (holder && holder !== options.owner && options.holderIsGone?.(holder)) {
        const taken = await options.redis.eval(TAKE_OVER, 1, options.lockKey, holder, options.owner, options.intervalMs * 2);
        if (taken === "OK") holder = options.owner;
      }
      const mine = holder === options.owner;
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
  void runOnce();
  return { stop: () => clearInterval(timer), runOnce };
}
