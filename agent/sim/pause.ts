import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Node timers can fire up to a millisecond early, so this re-sleeps until the full delay has
 * really passed: configured latencies are a hard lower bound that tests may assert on.
 * Resolves false instead of throwing when the client hangs up, so callers can just stop.
 */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  const until = performance.now() + ms;
  try {
    for (let left = ms; left > 0; left = until - performance.now()) {
      await sleep(Math.ceil(left), undefined, { signal });
    }
    return true;
  } catch {
    return false;
  }
}
