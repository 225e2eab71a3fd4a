// The tool-use loop: stream a turn from Claude, run the tools it called, send the results back,
// until a terminal tool accepts its input, the model stops, or the turn limit is reached.
import type Anthropic from "@anthropic-ai/sdk";
import { findUnstorableText } from "../../server/api/unstorable-text";
import { estimateInputTokens } from "./estimate-input-tokens";

export interface ToolOutcome {
  content: string;
  isError?: boolean;
  /** Set when a terminal tool (finish, submit_plan, submit_result) accepted its input. */
  done?: boolean;
}

export interface TurnUsage {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  durationMs: number;
  stopReason: string | null;
}

/** What the next call will ask for, for checks made before it (budget, rate-limit pause, slots). */
export interface PlannedCall {
  model: string;
  maxTokens: number;
  /** A cautious estimate of the input tokens it will be billed for. */
  inputTokens: number;
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
  /** Runs after each call, before its tools; `toolNames` are the tools the answer calls, in order. */
  onUsage?(usage: TurnUsage, turn: { toolNames: string[] }): Promise<void> | void;
  /** Runs before each call; may wait, or throw to stop the loop. Its result runs after the call. */
  beforeCall?(call: PlannedCall, signal: AbortSignal): Promise<(() => Promise<void> | void) | void>;
}

export type ToolLoopResult = { kind: "done"; turns: number } | { kind: "stopped"; turns: number; text: string } | { kind: "max_turns"; turns: number };

export async function runToolLoop(options: ToolLoopOptions): Promise<ToolLoopResult> {
  const messages: Anthropic.MessageParam[] = [{ role: "user", content: options.prompt }];
  // Cache the long, stable prefix: system prompt and tool definitions.
  const tools = options.tools.map((tool, i) => (i === options.tools.length - 1 ? { ...tool, cache_control: { type: "ephemeral" as const } } : tool));
  const system: Anthropic.TextBlockParam[] = [{ type: "text", text: options.system, cache_control: { type: "ephemeral" } }];

  const maxTokens = options.maxTokens ?? 4096;
  // The next request holds the previous one plus its answer, so it is billed at least that much.
  let billedSoFar = 0;
  for (let turn = 1; turn <= options.maxTurns; turn++) {
    const inputTokens = Math.max(estimateInputTokens({ system, tools, messages }), billedSoFar);
    const afterCall = await options.beforeCall?.({ model: options.model, maxTokens, inputTokens }, options.signal);
    const started = Date.now();
    let message: Anthropic.Message;
    try {
      const stream = options.client.messages.stream({ model: options.model, max_tokens: maxTokens, system, tools, messages }, { signal: options.signal });
      if (options.onText) stream.on("text", (delta) => options.onText!(delta));
      message = await stream.finalMessage();
    } finally {
      await afterCall?.();
    }
    const usage: TurnUsage = {
      model: options.model,
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
      durationMs: Date.now() - started,
      stopReason: message.stop_reason ?? null,
    };
    billedSoFar = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens + usage.outputTokens;
    const calls = message.content.filter((block): block is Anthropic.ToolUseBlock => block.type === "tool_use");
    await options.onUsage?.(usage, { toolNames: calls.map((call) => call.name) });
    messages.push({ role: "assistant", content: message.content });

    // An answer cut off at max_tokens (or at the context window) can end in a tool call whose input
    // is unfinished: the SDK keeps what it could parse (a half-written file's path without its
    // content, an output with its last items missing). That call is not run; the model is told
    // why and can send less. One cut off in its text goes on in the next turn. Nor is a call run
    // whose input holds a NUL character or a lone surrogate: no path, command or stored result
    // can take one.
    if (calls.length === 0 && message.stop_reason === "max_tokens") {
      messages.push({ role: "user", content: `Your answer reached its ${maxTokens}-token output limit. Go on from where it stopped.` });
      continue;
    }
    if (calls.length === 0) {
      const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
      return { kind: "stopped", turns: turn, text };
    }

    const cutOff = message.stop_reason === "max_tokens" || message.stop_reason === "model_context_window_exceeded";
    const unfinished = cutOff ? message.content.at(-1) : undefined;
    const results: Anthropic.ToolResultBlockParam[] = [];
    let done = false;
    for (const call of calls) {
      options.signal.throwIfAborted();
      options.onToolCall?.({ id: call.id, name: call.name, input: call.input });
      const refusal = call === unfinished ? cutOffCall(message.stop_reason, maxTokens) : unusableInput(call.input);
      const outcome = refusal ?? (await options.execute(call.name, call.input));
      options.onToolResult?.({ id: call.id, name: call.name, outcome });
      results.push({ type: "tool_result", tool_use_id: call.id, content: outcome.content, is_error: outcome.isError ?? false });
      done ||= outcome.done === true;
    }
    if (done) return { kind: "done", turns: turn };
    messages.push({ role: "user", content: results });
  }
  return { kind: "max_turns", turns: options.maxTurns };
}

function unusableInput(input: unknown): ToolOutcome | null {
  const unstorable = findUnstorableText(input);
  return unstorable && { content: `Not run: ${unstorable.path} ${unstorable.problem}, which files, commands and results cannot hold.`, isError: true };
}

function cutOffCall(stopReason: Anthropic.StopReason | null, maxTokens: number): ToolOutcome {
  const limit = stopReason === "max_tokens" ? `its ${maxTokens}-token output limit` : "the end of the context window";
  return { content: `Not run: your answer reached ${limit} before this call's input was complete. Call it again with a shorter input.`, isError: true };
}
