// The structured data of a tool call or result, pretty-printed for reading: a call's input as
// indented JSON, a result's output as its text (indented when the text is itself JSON).
import type { LogLine } from "@/components/live/merge-log-events";

const pretty = (value: unknown) => {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
};

function prettyText(text: string): string {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return text;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return text;
  }
}

const field = (data: unknown, key: string): unknown =>
  typeof data === "object" && data !== null && key in data ? (data as Record<string, unknown>)[key] : undefined;

export function formatLogData(kind: LogLine["kind"], data: unknown): { label: string; text: string } {
  if (kind === "TOOL_CALL" && field(data, "input") !== undefined) return { label: "Input", text: pretty(field(data, "input")) };
  const content = field(data, "content");
  if (kind === "TOOL_RESULT" && typeof content === "string") {
    return { label: field(data, "isError") === true ? "Output (error)" : "Output", text: prettyText(content) };
  }
  if (typeof data === "string") return { label: "Data", text: prettyText(data) };
  return { label: "Data", text: pretty(data) };
}
