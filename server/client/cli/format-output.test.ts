// What the CLI prints for tasks, logs and accounts, in a fixed time zone.
import { describe, expect, it } from "vitest";
import type { LogEventMessage } from "../../contracts/realtime";
import { formatAccount, formatDuration, formatLogLine, formatTaskDetail, formatTaskTable, type TaskDetail, type TaskListItem } from "./format-output";

const utc = { timeZone: "UTC" };
const at = (iso: string) => new Date(iso);

const listItem = (overrides: Partial<TaskListItem>) =>
  ({
    id: "cmtask0000000000000000001",
    title: "Survey the workspace",
    status: "RUNNING",
    priority: 5,
    createdAt: at("2025-11-22T06:30:05Z"),
    startedAt: null,
    finishedAt: null,
    inputTokens: 0,
    outputTokens: 0,
    costMicros: 0n,
    progress: { done: 2, total: 5 },
    ...overrides,
  }) as TaskListItem;

const logEvent = (overrides: Partial<LogEventMessage>): LogEventMessage => ({
  taskId: "t1",
  seq: 42,
  subtaskId: "s2",
  agentId: null,
  kind: "TOOL_CALL",
  level: "INFO",
  message: 'run_command({"command":"ls"})',
  data: null,
  createdAt: "2025-11-22T06:30:01.250Z",
  ...overrides,
});

describe("formatTaskTable", () => {
  it("aligns id, status, progress, created and title under a header", () => {
    const table = formatTaskTable(
      [
        listItem({}),
        listItem({ id: "cmtask2", title: "Write the report", status: "SUCCEEDED", progress: { done: 5, total: 5 }, createdAt: at("2025-11-21T23:59:00Z") }),
        listItem({ id: "cmtask3", title: "Just submitted", status: "PLANNING", progress: { done: 0, total: 0 } }),
      ],
      utc,
    );
    expect(table.split("\n")).toEqual([
      "ID                         STATUS     PROGRESS  CREATED           TITLE",
      "cmtask0000000000000000001  RUNNING    2/5       2025-11-22 06:30  Survey the workspace",
      "cmtask2                    SUCCEEDED  5/5       2025-11-21 23:59  Write the report",
      "cmtask3                    PLANNING   -         2025-11-22 06:30  Just submitted",
    ]);
  });

  it("shortens long titles to the terminal width, but never below twenty characters", () => {
    const title = "Summarise the three largest files in the workspace, then write a combined report";
    const [, row] = formatTaskTable([listItem({ title })], { ...utc, width: 90 }).split("\n");
    expect(row).toHaveLength(90);
    expect(row!.endsWith("…")).toBe(true);
    const [, narrow] = formatTaskTable([listItem({ title })], { ...utc, width: 40 }).split("\n");
    expect(narrow!.split("  ").at(-1)).toHaveLength(20);
  });
});

describe("formatLogLine", () => {
  it("prints seq, time, subtask, kind and message in fixed columns", () => {
    expect(formatLogLine(logEvent({}), "#2", utc)).toBe('   42  06:30:01  [#2]    TOOL_CALL    run_command({"command":"ls"})');
    expect(formatLogLine(logEvent({ seq: 1, kind: "STATUS", subtaskId: null, message: "Task submitted; planning." }), "task", utc)).toBe(
      "    1  06:30:01  [task]  STATUS       Task submitted; planning.",
    );
  });

  it("keeps one event on one line", () => {
    expect(formatLogLine(logEvent({ kind: "TOOL_RESULT", message: "a\nb\r\nc\n\n" }), "#1", utc)).toMatch(/TOOL_RESULT {2}a ↵ b ↵ c$/);
  });
});

describe("formatTaskDetail", () => {
  const detail = {
    id: "cmtask1",
    title: "Survey",
    prompt: "Survey the workspace",
    status: "FAILED",
    statusReason: "Subtask #2 failed.",
    priority: 3,
    createdAt: at("2025-11-22T06:30:00Z"),
    startedAt: at("2025-11-22T06:30:02Z"),
    finishedAt: at("2025-11-22T06:33:07Z"),
    inputTokens: 12345,
    outputTokens: 678,
    costMicros: 84_300n,
    budgetMicros: null,
    resultMarkdown: null,
    subtasks: [
      { id: "s1", index: 0, title: "List files", status: "SUCCEEDED", profileName: "analyst" },
      { id: "s2", index: 1, title: "Read the largest", status: "FAILED", profileName: null },
    ],
  } as unknown as TaskDetail;

  it("lists the fields, subtasks numbered as on the dashboard, and the prompt", () => {
    expect(formatTaskDetail(detail, utc)).toBe(
      [
        "ID:        cmtask1",
        "Title:     Survey",
        "Status:    FAILED — Subtask #2 failed.",
        "Priority:  3",
        "Created:   2025-11-22 06:30",
        "Started:   2025-11-22 06:30",
        "Finished:  2025-11-22 06:33 (took 3 min 5 s)",
        "Tokens:    12,345 in, 678 out",
        "Cost:      $0.0843",
        "",
        "Subtasks (1/2 done):",
        "  #1  SUCCEEDED  analyst  List files",
        "  #2  FAILED     -        Read the largest",
        "",
        "Prompt: Survey the workspace",
      ].join("\n"),
    );
  });

  it("puts the cost beside the task's budget when it has one", () => {
    const budgeted = { ...detail, costMicros: 1_234_567n, budgetMicros: 5_000_000n } as TaskDetail;
    expect(formatTaskDetail(budgeted, utc)).toContain("\nCost:      $1.23 / $5.00 budget\n");
  });

  it("ends with the result when there is one", () => {
    const done = { ...detail, status: "SUCCEEDED", statusReason: null, resultMarkdown: "# Report\n\nAll good.\n" } as TaskDetail;
    expect(formatTaskDetail(done, utc).endsWith("Result:\n# Report\n\nAll good.")).toBe(true);
  });
});

describe("formatDuration", () => {
  it("picks the unit a person would", () => {
    expect([850, 12_400, 185_000, 7_440_000, 3_600_000].map(formatDuration)).toEqual(["850 ms", "12 s", "3 min 5 s", "2 h 4 min", "1 h"]);
  });
});

describe("formatAccount", () => {
  it("says when a token acts with less than its owner's role", () => {
    const account = { id: "u1", email: "ada@example.test", name: null, image: null, role: "VIEWER", teamRole: "MEMBER", via: "token" } as const;
    expect(formatAccount(account)).toBe(["Email:  ada@example.test", "Name:   -", "Role:   viewer (team role member), through this API token"].join("\n"));
  });
});
