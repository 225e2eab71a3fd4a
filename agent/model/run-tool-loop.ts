// The tool-use loop: stream a turn from Claude, run the tools it called, send the results back,
// until a terminal tool accepts its input, the model stops, or the turn limit is reached.
import type Anthropic from "@anthropic-ai/sdk";

export interface ToolOutcome {
  content: string;
  isError?: boolean;
  /** Set when a terminal tool (finish, submit_plan, submit_result) accepted its input. */
  done?: boolean;
}

export interface TurnUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface ToolLoopOptions {
  client: Anthropic;
  model: string;
  system: string;
  prompt: string;
  tools: Anthropic.Tool[];
  maxTurns: number;
  maxTokens?: number;
  signal: AbortSignal;
  execute(name: string, input: unknown): Promise<ToolOutcome>;
  onText?(delta: string): void;
  onToolCall?(call: { id: string; name: string; input: unknown }): void;
  onToolResult?(result: { id: string; name: string; outcome: ToolOutcome }): void;
  onUsage?(usage: TurnUsage): Promise<void> | void;
}

export type ToolLoopResult = { kind: "done"; turns: number } | { kind: "stopped"; turns: number; text: string } | { kind: "max_turns"; turns: number };

export async function runToolLoop(options: ToolLoopOptions): Promise<ToolLoopResult> {
  const messages: Anthropic.MessageParam[] = [{ role: "user", content: options.prompt }];
  // Cache the long, stable prefix: system prompt and tool definitions.
  const tools = options.tools.map((tool, i) => (i === options.tools.length - 1 ? { ...tool, cache_control: { type: "ephemeral" as const } } : tool));
  const system: Anthropic.TextBlockParam[] = [{ type: "text", text: options.system, cache_control: { type: "ephemeral" } }];

  for (let turn = 1; turn <= options.maxTurns; turn++) {
    const stream = options.client.messages.stream(
      { model: options.model, max_tokens: options.maxTokens ?? 4096, system, tools, messages },
      { signal: options.signal },
    );
    if (options.onText) stream.on("text", (delta) => options.onText!(delta));
    const message = await stream.finalMessage();
    await options.onUsage?.({
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    });
    messages.push({ role: "assistant", content: message.content });

    const calls = message.content.filter((block): block is Anthropic.ToolUseBlock => block.type === "tool_use");
    if (calls.length === 0) {
      const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
      return { kind: "stopped", turns: turn, text };
    }

    const results: Anthropic.ToolResultBlockParam[] = [];
    let done = false;
    for (const call of calls) {
      options.signal.throwIfAborted();
      options.onToolCall?.({ id: call.id, name: call.name, input: call.input });
      const outcome = await options.execute(call.name, call.input);
      options.onToolResult?.({ id: call.id, name: call.name, outcome });
      results.push({ type: "tool_result", tool_use_id: call.id, content: outcome.content, is_error: outcome.isError ?? false });
      done ||= outcome.done === true;
    }
    if (done) return { kind: "done", turns: turn };
    messages.push({ role: "user", content: results });
  }
  return { kind: "max_turns", turns: options.maxTurns };
}
