// Whether an agent broke its profile's limits: resident memory of its whole process tree, and the
// time it has held its current subtask. Pure, so the messages and the grace are unit-tested.

/** The agent's own timeout ends a subtask cleanly at the limit; the daemon steps in only after this. */
export const TIME_LIMIT_GRACE_MS = 5_000;

export interface LimitInput {
  rssBytes: number;
  memoryLimitMb: number;
  /** When the agent started its current subtask (epoch ms), or null when it holds none. */
  subtaskSince: number | null;
  timeoutSeconds: number;
  now: number;
}

/** The kill reason, e.g. "killed: used 812 MB, limit 512 MB", or null while within limits. */
export function limitBreach(input: LimitInput): string | null {
  const usedMb = Math.round(input.rssBytes / (1024 * 1024));
  if (usedMb > input.memoryLimitMb) return `killed: used ${usedMb} MB, limit ${input.memoryLimitMb} MB`;
  if (input.subtaskSince !== null) {
    const ranMs = input.now - input.subtaskSince;
    if (ranMs > input.timeoutSeconds * 1000 + TIME_LIMIT_GRACE_MS) return `killed: ran ${Math.round(ranMs / 1000)} s, limit ${input.timeoutSeconds} s`;
  }
  return null;
}
