import { afterAll, beforeAll, expect, it } from "vitest";
import { MODEL, startTestSim, toolNamed, type TestSim } from "./start-test-sim";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

it("submits a report with one section per subtask output", async () => {
  const content = [
    "Task: Summarize the three largest files",
    "",
    "## Survey the workspace",
    "The workspace holds 3 files totalling 512 bytes.",
    "",
    "## Analyze the largest file",
    "The largest file is notes/big.md (420 bytes, 21 lines).",
    '{"file":"notes/big.md","bytes":420}',
  ].join("\n");
  const message = await t
    .client()
    .messages.stream({ model: MODEL, max_tokens: 2048, tools: [toolNamed("submit_result")], messages: [{ role: "user", content }] })
    .finalMessage();

  const call = message.content.find((b) => b.type === "tool_use");
  expect(message.stop_reason).toBe("tool_use");
  expect(call?.name).toBe("submit_result");
  const input = call?.input as { markdown: string; data: { subtaskCount: number } };
  expect(input.markdown).toMatch(/^# Summarize the three largest files\n/);
  expect(input.markdown).toContain("## Survey the workspace\n\nThe workspace holds 3 files");
  expect(input.markdown).toContain("## Analyze the largest file\n\nThe largest file is notes/big.md");
  expect(input.markdown).not.toContain('"bytes"');
  expect(input.data.subtaskCount).toBe(2);
});
