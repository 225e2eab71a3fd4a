import type Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlannedSubtask } from "./plan-subtasks";
import { MODEL, startTestSim, toolNamed, type TestSim } from "./start-test-sim";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

function ask(messages: Anthropic.MessageParam[]) {
  return t.client().messages.stream({ model: MODEL, max_tokens: 2048, tools: [toolNamed("submit_plan")], messages }).finalMessage();
}

function planOf(message: Anthropic.Message): { subtasks: PlannedSubtask[]; toolUse: Anthropic.ToolUseBlock } {
  const toolUse = message.content.find((b): b is Anthropic.ToolUseBlock => b.type === "tool_use");
  if (!toolUse) throw new Error("no submit_plan call");
  return { subtasks: (toolUse.input as { subtasks: PlannedSubtask[] }).subtasks, toolUse };
}

function isAcyclic(subtasks: PlannedSubtask[]): boolean {
  return subtasks.every((s, i) => s.dependsOn.every((d) => d < i));
}

describe("planning", () => {
  it("fans out into parallel branches joined at the end", async () => {
    const message = await ask([{ role: "user", content: "Summarize the three largest files in the workspace" }]);
    const { subtasks, toolUse } = planOf(message);

    expect(message.stop_reason).toBe("tool_use");
    expect(message.content[0]?.type === "text" && message.content[0].text).toMatch(/^I'll split this into 5 subtasks/);
    expect(toolUse.name).toBe("submit_plan");
    expect(toolUse.id).toMatch(/^toolu_/);
    expect(subtasks.length).toBeGreaterThanOrEqual(4);
    expect(subtasks.length).toBeLessThanOrEqual(6);
    expect(isAcyclic(subtasks)).toBe(true);
    const sharingRoot = subtasks.filter((s) => s.dependsOn.length === 1 && s.dependsOn[0] === 0);
    expect(sharingRoot.length).toBeGreaterThanOrEqual(2);
    expect(subtasks.at(-1)?.dependsOn.length).toBeGreaterThanOrEqual(2);
    expect(subtasks.at(-1)?.capabilities).toEqual(["write"]);
    expect(subtasks[2]?.instructions).toContain("[item=2]");
    expect(subtasks[2]?.instructions).toContain("the 2nd largest file");
    expect(subtasks[1]?.instructions).toContain('"Summarize the three largest files in the workspace"');
  });

  it("plans from the Task line only, ignoring listed files and profiles", async () => {
    const content = [
      "Task: Summarize the largest files",
      "Workspace files:\n- notes/a.md (1234 bytes)\n- notes/b.md (99 bytes)",
      "Agent profiles and their capabilities:\n- reader: read, analyze — a sequential reader",
    ].join("\n\n");
    const { subtasks } = planOf(await ask([{ role: "user", content }]));
    expect(subtasks).toHaveLength(5);
    expect(subtasks[0]?.instructions).toContain('"Summarize the largest files"');
    expect(subtasks.some((s) => s.instructions.includes("Workspace files"))).toBe(false);
  });

  it.each([
    ["Compare two reports", 4],
    ["Look around", 5],
    ["Check all 10 modules", 6],
    ["Do it as a chain of steps", 3],
    ["Survey everything [sim:wide=12]", 14],
  ])("sizes the plan for %j", async (prompt, expected) => {
    const { subtasks } = planOf(await ask([{ role: "user", content: prompt }]));
    expect(subtasks).toHaveLength(expected);
    expect(isAcyclic(subtasks)).toBe(true);
  });

  it("plans two independent subtasks that write the same file under [sim:collide]", async () => {
    const { subtasks } = planOf(await ask([{ role: "user", content: "Task: Take notes [sim:collide]" }]));
    expect(subtasks.map((s) => s.dependsOn)).toEqual([[], []]);
    expect(subtasks.every((s) => s.instructions.includes("[sim:write=notes.md]") && !s.instructions.includes("collide"))).toBe(true);
  });

  it("plans exactly the graph of [sim:dag=…], each node with its work and priority", async () => {
    const { subtasks } = planOf(await ask([{ role: "user", content: "Task: Run the graph [sim:dag=120p7;80<0;300p2<0,1]" }]));
    expect(subtasks.map((s) => s.dependsOn)).toEqual([[], [0], [0, 1]]);
    expect(subtasks.map((s) => s.priority)).toEqual([7, 5, 2]);
    expect(subtasks.map((s) => /\[sim:work=(\d+)\]/.exec(s.instructions)?.[1])).toEqual(["120", "80", "300"]);
    expect(subtasks.every((s) => s.capabilities.join() === "code" && !s.instructions.includes("sim:dag"))).toBe(true);
  });

  it("makes a straight chain for sequential work", async () => {
    const { subtasks } = planOf(await ask([{ role: "user", content: "Process the files in sequential order" }]));
    expect(subtasks.map((s) => s.dependsOn)).toEqual([[], [0], [1]]);
  });

  it("sends a cyclic plan first under [sim:invalid-plan] and a valid one after the rejection", async () => {
    const messages: Anthropic.MessageParam[] = [{ role: "user", content: "Summarize two files [sim:invalid-plan]" }];
    const first = await ask(messages);
    const bad = planOf(first);
    expect(bad.subtasks[0]?.dependsOn).toEqual([1]);
    expect(bad.subtasks[1]?.dependsOn).toEqual([0]);

    messages.push({ role: "assistant", content: first.content });
    messages.push({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: bad.toolUse.id, content: "plan has a cycle: 0 -> 1 -> 0", is_error: true }],
    });
    const second = await ask(messages);
    const good = planOf(second);
    expect(isAcyclic(good.subtasks)).toBe(true);
    expect(good.subtasks.some((s) => s.instructions.includes("[sim:invalid-plan]"))).toBe(false);

    messages.push({ role: "assistant", content: second.content });
    messages.push({ role: "user", content: [{ type: "tool_result", tool_use_id: good.toolUse.id, content: "accepted" }] });
    const done = await ask(messages);
    expect(done.stop_reason).toBe("end_turn");
    expect(done.content.map((b) => b.type)).toEqual(["text"]);
  });

  it("keeps sending cycles under [sim:invalid-plan-always]", async () => {
    const messages: Anthropic.MessageParam[] = [{ role: "user", content: "Summarize [sim:invalid-plan-always]" }];
    const first = await ask(messages);
    messages.push({ role: "assistant", content: first.content });
    messages.push({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: planOf(first).toolUse.id, content: "cycle", is_error: true }],
    });
    const { subtasks } = planOf(await ask(messages));
    expect(isAcyclic(subtasks)).toBe(false);
  });
});
