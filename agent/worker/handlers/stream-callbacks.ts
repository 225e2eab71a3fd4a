// Turns the tool loop's stream into log events for a task (and subtask), and checks and records
// every model call it makes (budget, rate-limit pause, concurrency, cost: see model-gate.ts).
import type { ToolLoopOptions } from "../../model/run-tool-loop";
import { modelGate, type ModelGate } from "../model-gate";
import type { AgentRuntime } from "../runtime";

const PREVIEW_CHARS = 4000;

export function streamCallbacks(
  runtime: AgentRuntime,
  taskId: string,
  subtaskId: string | null,
  gate: ModelGate = modelGate(runtime, taskId, subtaskId),
): Pick<ToolLoopOptions, "onText" | "onToolCall" | "onToolResult" | "onUsage" | "beforeCall"> {
  const who = { subtaskId, agentId: runtime.agentId };
  return {
    onText: (delta) => runtime.logs.text(taskId, who, delta),
    onToolCall: (call) =>
      runtime.logs.push(taskId, { ...who, kind: "TOOL_CALL", message: `${call.name}(${preview(JSON.stringify(call.input), 200)})`, data: { id: call.id, name: call.name, input: call.input } }),
    onToolResult: (result) =>
      runtime.logs.push(taskId, {
        ...who,
        kind: "TOOL_RESULT",
        level: result.outcome.isError ? "WARN" : "INFO",
        message: `${result.name} → ${preview(result.outcome.content, 200)}`,
        data: { id: result.id, name: result.name, isError: result.outcome.isError ?? false, content: preview(result.outcome.content, PREVIEW_CHARS) },
      }),
    beforeCall: gate.beforeCall,
    onUsage: gate.onUsage,
  };
}

function preview(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
