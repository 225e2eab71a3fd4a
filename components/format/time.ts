// Timestamps as people read them: clock times for logs, short dates for lists, ages for heartbeats.
const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const shortDate = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export const formatClock = (date: Date | string) => clock.format(new Date(date));
export const formatShortDate = (date: Date | string) => shortDate.format(new Date(date));
export const formatFullDate = (date: Date | string) => full.format(new Date(date));

/** "just now", "12s ago", "5m ago", "3h ago", "2d ago". */
export function formatAge(ms: number): string {
  if (ms < 1500) return "just now";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ago`;
  return `${Math.floor(hours / 24)}d ago`;
}
