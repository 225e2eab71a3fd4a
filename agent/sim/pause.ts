import { setTimeout as sleep } from "node:timers/promises";

/** Resolves false instead of throwing when the client hangs up, so callers can just stop. */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
