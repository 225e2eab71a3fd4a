// Log lines for the viewer's unit tests.
import type { LogLine } from "@/components/live/merge-log-events";

export function logLine(seq: number, overrides: Partial<LogLine> = {}): LogLine {
  return {
    taskId: "t",
    seq,
    subtaskId: "s1",
    agentId: "a1",
    kind: "TEXT",
    level: "INFO",
    message: `m${seq}`,
    data: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}
