// Which log lines the viewer shows: one subtask (or all), some kinds, a minimum level.
import type { LogLine } from "@/components/live/merge-log-events";

export type LogKind = LogLine["kind"];
export type LogLevel = LogLine["level"];

export const ALL_LOG_KINDS: readonly LogKind[] = ["TEXT", "TOOL_CALL", "TOOL_RESULT", "STATUS", "ERROR"];
const LEVEL_RANK: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3 };

export interface LogFilter {
  /** null: every subtask and the task's own lines. */
  subtaskId: string | null;
  kinds: ReadonlySet<LogKind>;
  minLevel: LogLevel;
}

export const SHOW_ALL: LogFilter = { subtaskId: null, kinds: new Set(ALL_LOG_KINDS), minLevel: "DEBUG" };

export const isFiltering = (filter: LogFilter) =>
  filter.subtaskId !== null || filter.kinds.size < ALL_LOG_KINDS.length || filter.minLevel !== "DEBUG";

/** Error lines count as errors whatever level they were written with. */
const levelOf = (line: LogLine): LogLevel => (line.kind === "ERROR" ? "ERROR" : line.level);

export function matchesFilter(line: LogLine, filter: LogFilter): boolean {
  return (
    (filter.subtaskId === null || line.subtaskId === filter.subtaskId) &&
    filter.kinds.has(line.kind) &&
    LEVEL_RANK[levelOf(line)] >= LEVEL_RANK[filter.minLevel]
  );
}

export function toggleKind(kinds: ReadonlySet<LogKind>, kind: LogKind): ReadonlySet<LogKind> {
  const next = new Set(kinds);
  if (next.has(kind)) next.delete(kind);
  else next.add(kind);
  return next;
}
