// How each kind of log event looks, shared by the dashboard's log and the public share page.
import type { LogEventMessage } from "@/server/contracts/realtime";

export const LOG_KINDS: Record<LogEventMessage["kind"], { label: string; chip: string; message: string }> = {
  TEXT: { label: "text", chip: "bg-neutral-soft text-neutral-fg", message: "text-foreground" },
  TOOL_CALL: { label: "tool call", chip: "bg-tool-call-soft text-tool-call-fg", message: "text-tool-call-fg" },
  TOOL_RESULT: { label: "result", chip: "bg-tool-result-soft text-tool-result-fg", message: "text-tool-result-fg" },
  STATUS: { label: "status", chip: "bg-info-soft text-info-fg", message: "font-semibold text-foreground" },
  ERROR: { label: "error", chip: "bg-danger-soft text-danger-fg", message: "text-danger-fg" },
};

/** The row background that makes errors and warnings stand out. */
export function logRowTone(kind: LogEventMessage["kind"], level: LogEventMessage["level"]): string | false {
  if (kind === "ERROR") return "bg-danger-soft/60";
  return level === "WARN" && "bg-warning-soft/60";
}
