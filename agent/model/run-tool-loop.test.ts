// The model layer's tool-use loop through the real SDK against the simulated Claude.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimServer, type SimServer } from "../sim";
import { toolDefinition } from "../tools/tool-definitions";
import { createAnthropic } from "./create-anthropic";
import { runToolLoop, type ToolLoopOptions, type ToolOutcome } from "./run-tool-loop";

let sim: SimServer;
beforeAll(async () => {
  sim = await createSimServer({ tokenDelayMs: 1 });
});
afterAll(() => sim.close());

/** runToolLoop against the shared simulated Claude, with a test's own options over plain defaults. */
function loop(options: Pick<ToolLoopOptions, "prompt" | "tools" | "maxTurns" | "execute"> & Partial<ToolLoopOptions>) {
  return runToolLoop({ client: createAnthropic({ simUrl: sim.url }), model: "m", system: "s", signal: new AbortController().signal, ...options });
}

const FILES = JSON.stringify([
  { path: "a.md", size: 10, type: "file" },
  { path: "big.md", size: 900, type: "file" },
]);

describe("runToolLoop", () => {
  it("streams text, runs the tools the model calls and stops when finish is accepted", async () => {
    const calls: string[] = [];
    const deltas: string[] = [];
    let inputTokens = 0;
    const sequence: string[] = [];
    const result = await runToolLoop({
      client: createAnthropic({ simUrl: sim.url }),
      model: "claude-sonnet-5",
      system: "You are an agent.",
      prompt: "Subtask: Analyze the largest file\n\nInstructions: Read the largest file. [item=1]",
      tools: ["list_files", "read_file", "finish"].map((name) => toolDefinition(name as "list_files")),
      maxTurns: 6,
      signal: new AbortController().signal,
      onText: (delta) => deltas.push(delta),
      onUsage(usage, turn) {
        inputTokens += usage.inputTokens;
        sequence.push(`usage, calling ${turn.toolNames.join(" ")}`);
      },
      async execute(name, input): Promise<ToolOutcome> {
        calls.push(`${name} ${JSON.stringify(input)}`);
        sequence.push(`run ${name}`);
        if (name === "list_files") return { content: FILES };
        if (name === "read_file") return { content: "# Big\nline two\n" };
        return { content: "done", done: true };
      },
    });
    expect(result).toEqual({ kind: "done", turns: 3 });
    expect(calls[0]).toBe('list_files {"path":"."}');
    expect(calls[1]).toBe('read_file {"path":"big.md"}');
    expect(calls[2]).toMatch(/^finish .*big\.md/);
    expect(deltas.length).toBeGreaterThan(3);
    expect(inputTokens).toBeGreaterThan(0);
    // Each call's usage is reported before its tools run, with the tools it called.
    expect(sequence).toEqual(["usage, calling list_files", "run list_files", "usage, calling read_file", "run read_file", "usage, calling finish", "run finish"]);
  });

  it("stops at the turn limit", async () => {
    const result = await loop({
      prompt: "Subtask: x\n\nInstructions: read things",
      tools: [toolDefinition("list_files"), toolDefinition("finish")],
      maxTurns: 1,
      execute: async () => ({ content: "[]" }),
    });
    expect(result).toEqual({ kind: "max_turns", turns: 1 });
  });

  it("does not run a tool call that the output limit cut off, and tells the model why", async () => {
    const client = createAnthropic({ simUrl: sim.url });
    const prompt = "Subtask: Take notes\n\nInstructions: Write the shared notes. [sim:write=notes.md]";
    const tools = [toolDefinition("write_file"), toolDefinition("finish")];
    // The sim's answer: a sentence, then write_file; the limit falls a few tokens into the call's input.
    const whole = await client.messages.stream({ model: "m", max_tokens: 1024, tools, messages: [{ role: "user", content: prompt }] }).finalMessage();
    const sentence = whole.content[0]?.type === "text" ? whole.content[0].text : "";
    const maxTokens = Math.ceil(sentence.length / 4) + 3;
    const executed: string[] = [];
    const results: { name: string; outcome: ToolOutcome }[] = [];
    const result = await loop({
      client,
      prompt,
      tools,
      maxTurns: 1,
      maxTokens,
      onToolResult: ({ name, outcome }) => results.push({ name, outcome }),
      async execute(name) {
        executed.push(name);
        return { content: "written" };
      },
    });
    expect(result).toEqual({ kind: "max_turns", turns: 1 });
    expect(executed).toEqual([]);
    expect(results).toEqual([
      {
        name: "write_file",
        outcome: { isError: true, content: `Not run: your answer reached its ${maxTokens}-token output limit before this call's input was complete. Call it again with a shorter input.` },
      },
    ]);
  });

  it("does not run a call whose input holds a NUL character, and says which field", async () => {
    const executed: string[] = [];
    const results: ToolOutcome[] = [];
    await loop({
      // The sim writes the subtask's title into the file it writes.
      prompt: "Subtask: Notes\u0000\n\nInstructions: Write the shared notes. [sim:write=notes.md]",
      tools: [toolDefinition("write_file"), toolDefinition("finish")],
      maxTurns: 1,
      onToolResult: ({ outcome }) => results.push(outcome),
      async execute(name) {
        executed.push(name);
        return { content: "written" };
      },
    });
    expect(executed).toEqual([]);
    expect(results).toEqual([{ isError: true, content: "Not run: content contains a NUL character (\\u0000), which files, commands and results cannot hold." }]);
  });

  it("lets an answer cut off in its text go on in the next turn, instead of ending the loop", async () => {
    const prompt = "Subtask: Take notes\n\nInstructions: Write the shared notes. [sim:write=notes.md]";
    const requests: unknown[] = [];
    const result = await loop({
      prompt,
      tools: [toolDefinition("write_file"), toolDefinition("finish")],
      maxTurns: 2,
      // Two tokens: the sim's answer opens with a sentence, so the cut falls in its text.
      maxTokens: 2,
      beforeCall: async (call) => void requests.push(call),
      execute: async () => ({ content: "written" }),
    });
    expect(result).toEqual({ kind: "max_turns", turns: 2 });
    expect(requests).toHaveLength(2);
  });

  it("aborts a stream in flight", async () => {
    const slow = await createSimServer({ firstTokenDelayMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(
      loop({
        client: createAnthropic({ simUrl: slow.url }),
        prompt: "p",
        tools: [toolDefinition("finish")],
        maxTurns: 1,
        signal: controller.signal,
        execute: async () => ({ content: "" }),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    await slow.close();
  });
});
