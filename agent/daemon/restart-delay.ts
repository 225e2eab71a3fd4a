// Backoff between restarts of a crashing agent: 0.5 s doubling up to 30 s.
export function restartDelayMs(failuresInARow: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, failuresInARow - 1));
}
