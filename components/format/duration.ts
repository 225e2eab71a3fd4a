// Human durations for tasks and subtasks: "42s", "3m 05s", "1h 12m".
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
}

/** Time between start and finish, or up to `now` while still running; null before it starts. */
export function elapsedMs(startedAt: Date | null, finishedAt: Date | null, now: number): number | null {
  if (!startedAt) return null;
  return (finishedAt?.getTime() ?? now) - startedAt.getTime();
}
