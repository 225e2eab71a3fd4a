// Pretty-printing of tool inputs and outputs in the expanded rows.
import { describe, expect, it } from "vitest";
import { formatLogData } from "./format-log-data";

describe("formatLogData", () => {
  it("shows a tool call's input as indented JSON", () => {
    expect(formatLogData("TOOL_CALL", { id: "t1", name: "read_file", input: { path: "a.txt" } })).toEqual({
      label: "Input",
      text: '{\n  "path": "a.txt"\n}',
    });
  });

  it("shows a result's output as text, indenting it when it is JSON", () => {
    expect(formatLogData("TOOL_RESULT", { name: "list_files", content: "a.txt\nb.txt", isError: false })).toEqual({ label: "Output", text: "a.txt\nb.txt" });
    expect(formatLogData("TOOL_RESULT", { content: '{"ok":true}', isError: true })).toEqual({ label: "Output (error)", text: '{\n  "ok": true\n}' });
    expect(formatLogData("TOOL_RESULT", { content: "{not json" }).text).toBe("{not json");
  });

  it("falls back to the whole data for anything else", () => {
    expect(formatLogData("STATUS", { attempt: 2 })).toEqual({ label: "Data", text: '{\n  "attempt": 2\n}' });
    expect(formatLogData("TEXT", "plain")).toEqual({ label: "Data", text: "plain" });
  });
});
