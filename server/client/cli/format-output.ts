// Text the CLI prints: the task table, one task's details, log lines, times and durations.
// Pure functions of their input (and a time zone, so tests do not depend on the machine's).
import type { LogEventMessage } from "../../contracts/realtime";
import type { RouterOutputs } from "../create-baton-client";
import { formatUsd } from "../format-usd";

export type TaskListItem = RouterOutputs["task"]["list"]["items"][number];
export type TaskDetail = RouterOutputs["task"]["byId"];
export type Account = RouterOutputs["account"]["me"];

export interface FormatOptions {
  /** IANA zone for times; the machine's own when absent. */
  timeZone?: string;
  /** Terminal width; long titles are shortened to fit when given. */
  width?: number;
}

function dateParts(value: Date | string, timeZone?: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(value));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}`, seconds: part("second") };
}

/** `2025-11-22 06:30` */
export function formatDateTime(value: Date | string, timeZone?: string): string {
  const { date, time } = dateParts(value, timeZone);
  return `${date} ${time}`;
}

/** `06:30:01` */
export function formatClock(value: Date | string, timeZone?: string): string {
  const { time, seconds } = dateParts(value, timeZone);
  return `${time}:${seconds}`;
}

/** `850 ms`, `12 s`, `3 min 5 s`, `2 h 4 min` */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${Math.floor(minutes / 60)} h`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

function columnWidths(rows: readonly (readonly string[])[]): number[] {
  return rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
}

/** Columns separated by two spaces, each as wide as its widest cell; the last is not padded. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = columnWidths(rows);
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ").trimEnd());
}

export function formatTaskTable(items: readonly TaskListItem[], options: FormatOptions = {}): string {
  const rows = [
    ["ID", "STATUS", "PROGRESS", "CREATED", "TITLE"],
    ...items.map((task) => [
      task.id,
      task.status,
      task.progress.total ? `${task.progress.done}/${task.progress.total}` : "-",
      formatDateTime(task.createdAt, options.timeZone),
      task.title,
    ]),
  ];
  if (options.width) {
    const titleStart = columnWidths(rows.map((row) => row.slice(0, -1))).reduce((sum, width) => sum + width + 2, 0);
    const room = Math.max(20, options.width - titleStart);
    for (const row of rows) row[4] = shorten(row[4]!, room);
  }
  return alignColumns(rows).join("\n");
}

/** `#3` for the subtask at plan index 2, as the dashboard numbers them. */
export function subtaskLabel(index: number): string {
  return `#${index + 1}`;
}

/** `   42  06:30:01  [#2]    TOOL_CALL    run_command …`; a message's own line breaks become ↵. */
export function formatLogLine(event: LogEventMessage, label: string, options: FormatOptions = {}): string {
  const message = event.message.replace(/\s+$/, "").replace(/\r?\n/g, " ↵ ");
  return `${String(event.seq).padStart(5)}  ${formatClock(event.createdAt, options.timeZone)}  ${`[${label}]`.padEnd(6)}  ${event.kind.padEnd(11)}  ${message}`;
}

export function formatTaskDetail(task: TaskDetail, options: FormatOptions = {}): string {
  const when = (value: Date | null) => (value ? formatDateTime(value, options.timeZone) : "-");
  const took = task.startedAt && task.finishedAt ? ` (took ${formatDuration(task.finishedAt.getTime() - task.startedAt.getTime())})` : "";
  const done = task.subtasks.filter((subtask) => subtask.status === "SUCCEEDED").length;
  const fields = [
    ["ID", task.id],
    ["Title", task.title],
    ["Status", task.statusReason ? `${task.status} — ${task.statusReason}` : task.status],
    ["Priority", String(task.priority)],
    ["Created", when(task.createdAt)],
    ["Started", when(task.startedAt)],
    ["Finished", `${when(task.finishedAt)}${took}`],
    ["Tokens", `${task.inputTokens.toLocaleString("en-US")} in, ${task.outputTokens.toLocaleString("en-US")} out`],
    // As the task page puts it: "$0.0843 / $5.00" when the task has a budget.
    ["Cost", task.budgetMicros === null ? formatUsd(task.costMicros) : `${formatUsd(task.costMicros)} / ${formatUsd(task.budgetMicros)} budget`],
  ];
  const sections = [alignColumns(fields.map(([name, value]) => [`${name}:`, value!])).join("\n")];
  if (task.subtasks.length > 0) {
    const rows = task.subtasks.map((subtask) => [subtaskLabel(subtask.index), subtask.status, subtask.profileName ?? "-", subtask.title]);
    sections.push([`Subtasks (${done}/${task.subtasks.length} done):`, ...alignColumns(rows).map((line) => `  ${line}`)].join("\n"));
  }
  sections.push(task.prompt.includes("\n") ? `Prompt:\n${task.prompt}` : `Prompt: ${task.prompt}`);
  if (task.resultMarkdown) sections.push(`Result:\n${task.resultMarkdown.trimEnd()}`);
  return sections.join("\n\n");
}

export function formatAccount(account: Account): string {
  const acting = account.role === account.teamRole ? account.role.toLowerCase() : `${account.role.toLowerCase()} (team role ${account.teamRole.toLowerCase()})`;
  return alignColumns([
    ["Email:", account.email],
    ["Name:", account.name ?? "-"],
    ["Role:", `${acting}${account.via === "token" ? ", through this API token" : ""}`],
  ]).join("\n");
}
