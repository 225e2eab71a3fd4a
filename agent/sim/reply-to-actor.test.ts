import type Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTING_TOOLS, MODEL, startTestSim, type TestSim } from "./start-test-sim";

const FILES: Record<string, string> = {
  "notes/big.md": `# Quarterly review\n${"All numbers are up.\n".repeat(20)}`,
  "notes/mid.md": "# Middle notes\nline two\n",
  "small.txt": "tiny\n",
};

type ToolRunner = (name: string, input: Record<string, unknown>) => { text: string; isError?: boolean };

const fakeWorkspace: ToolRunner = (name, input) => {
  if (name === "list_files") {
    const listing = Object.entries(FILES).map(([path, text]) => ({ path, size: Buffer.byteLength(text), type: "file" }));
    return { text: JSON.stringify(listing) };
  }
  if (name === "read_file") return { text: FILES[String(input.path)] ?? "" };
  if (name === "write_file") return { text: `wrote ${Buffer.byteLength(String(input.content))} bytes to ${String(input.path)}` };
  if (name === "run_command") return { text: "exit code 0\n(no output)" };
  return { text: "ok" };
};

interface Run {
  calls: { name: string; input: Record<string, unknown> }[];
  finish?: { summary: string; output?: Record<string, unknown> };
}

/** Plays the acting agent's loop: send, execute each tool call, feed results back. */
async function runSubtask(t: TestSim, instructions: string, runner: ToolRunner = fakeWorkspace): Promise<Run> {
  const messages: Anthropic.MessageParam[] = [{ role: "user", content: instructions }];
  const run: Run = { calls: [] };
  for (let turn = 0; turn < 6; turn++) {
    const message = await t.client().messages.stream({ model: MODEL, max_tokens: 1024, tools: ACTING_TOOLS, messages }).finalMessage();
    expect(message.content[0]?.type).toBe("text");
    messages.push({ role: "assistant", content: message.content });
    if (message.stop_reason !== "tool_use") return run;
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of message.content) {
      if (block.type !== "tool_use") continue;
      const input = block.input as Record<string, unknown>;
      run.calls.push({ name: block.name, input });
      if (block.name === "finish") run.finish = input as unknown as Run["finish"];
      const result = runner(block.name, input);
      results.push({ type: "tool_result", tool_use_id: block.id, content: result.text, is_error: result.isError ?? false });
    }
    messages.push({ role: "user", content: results });
  }
  throw new Error("subtask did not end");
}

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

describe("acting on a subtask", () => {
  it("lists, reads the requested item and finishes with facts about it", async () => {
    const run = await runSubtask(t, "Read the 2nd largest file in the workspace. [item=2]");
    expect(run.calls.map((c) => c.name)).toEqual(["list_files", "read_file", "finish"]);
    expect(run.calls[0]?.input).toEqual({ path: "." });
    expect(run.calls[1]?.input).toEqual({ path: "notes/mid.md" });
    expect(run.finish?.summary).toContain("notes/mid.md");
    expect(run.finish?.summary).toContain("2 lines");
    expect(run.finish?.output).toMatchObject({ file: "notes/mid.md", lines: 2, firstHeading: "Middle notes" });
  });

  it("reads the largest file when no item is given and reports the survey", async () => {
    const run = await runSubtask(t, "Survey the workspace. [step=gather]");
    expect(run.calls[1]?.input).toEqual({ path: "notes/big.md" });
    expect(run.finish?.output).toMatchObject({ file: "notes/big.md", fileCount: 3, firstHeading: "Quarterly review" });
  });

  it("writes the combined report from dependency outputs in the join step", async () => {
    const prompt = [
      "Subtask: Write the combined report",
      'Instructions: Combine the findings into report.md. Overall task: "Summarize files" [step=join]',
      "This is part of the task: Summarize files",
      '## Output of "Analyze the largest file"\nThe largest file is notes/big.md (420 bytes).\n```json\n{ "file": "notes/big.md" }\n```',
      '## Output of "Analyze the 2nd largest file"\nThe 2nd largest file is notes/mid.md (24 bytes).',
    ].join("\n\n");
    const run = await runSubtask(t, prompt);
    expect(run.calls.map((c) => c.name)).toEqual(["list_files", "write_file", "finish"]);
    expect(run.calls[1]?.input.path).toBe("report.md");
    const report = String(run.calls[1]?.input.content);
    expect(report).toMatch(/^# Combined report: Summarize files\n/);
    expect(report).toContain("## Analyze the largest file\n\nThe largest file is notes/big.md (420 bytes).");
    expect(report).toContain("## Analyze the 2nd largest file\n\nThe 2nd largest file is notes/mid.md");
    expect(report).not.toContain('"file"');
    expect(run.finish?.summary).toMatch(/Wrote the combined report to report\.md \(\d+ bytes\)/);
  });

  it("treats untagged instructions about a combined report as the join step", async () => {
    const prompt = "Subtask: Merge results\n\nInstructions: Write the combined summary.\n\nThis is part of the task: Read every file";
    const run = await runSubtask(t, prompt);
    expect(run.calls[1]?.name).toBe("write_file");
  });

  it("runs the command named by a marker", async () => {
    const run = await runSubtask(t, "Wait for the build. [sim:cmd=sleep 30]");
    expect(run.calls[1]).toEqual({ name: "run_command", input: { command: "sleep 30" } });
    expect(run.finish?.output).toMatchObject({ command: "sleep 30", exitCode: 0 });
  });

  it("runs several marked commands in order and stops at the first that fails", async () => {
    const denySecond: ToolRunner = (name, input) =>
      name === "run_command" && input.command === "echo two" ? { text: "A person denied this command: echo two", isError: true } : fakeWorkspace(name, input);
    const run = await runSubtask(t, "Run them. [sim:cmd=echo one] [sim:cmd=echo two] [sim:cmd=echo three]", denySecond);
    expect(run.calls.map((c) => (c.name === "run_command" ? c.input.command : c.name))).toEqual(["list_files", "echo one", "echo two", "finish"]);
    expect(run.finish?.summary).toContain("denied");
  });

  it("writes the file named by a write marker first, then finishes", async () => {
    const run = await runSubtask(t, "Subtask: Write the shared notes (part 2)\n\nInstructions: Write part 2 of the notes. [item=2] [sim:write=notes.md]");
    expect(run.calls.map((c) => c.name)).toEqual(["write_file", "finish"]);
    expect(run.calls[0]?.input).toEqual({ path: "notes.md", content: "# Notes\n\nWritten by Write the shared notes (part 2).\n" });
  });

  it("finishes with a failure summary after a tool error", async () => {
    const failingRead: ToolRunner = (name, input) =>
      name === "read_file" ? { text: "ENOENT: no such file", isError: true } : fakeWorkspace(name, input);
    const run = await runSubtask(t, "Read the largest file. [item=1]", failingRead);
    expect(run.calls.map((c) => c.name)).toEqual(["list_files", "read_file", "finish"]);
    expect(run.finish?.summary).toMatch(/could not complete/i);
    expect(run.finish?.summary).toContain("ENOENT");
  });

  it("answers in plain text when no tools are offered", async () => {
    const message = await t.client().messages.create({
      model: MODEL,
      max_tokens: 100,
      messages: [{ role: "user", content: "What is in the workspace?" }],
    });
    expect(message.stop_reason).toBe("end_turn");
    expect(message.content.map((b) => b.type)).toEqual(["text"]);
  });
});
