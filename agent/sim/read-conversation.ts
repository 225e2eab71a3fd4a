import type { JsonObject, RequestBlock, RequestMessage, SimRequest } from "./api-types";

export interface ToolResultView {
  toolUseId: string;
  /** Undefined when the caller trimmed the assistant turn that issued the call. */
  toolName: string | undefined;
  toolInput: JsonObject;
  isError: boolean;
  text: string;
}

export interface Conversation {
  firstUserText: string;
  latestUserText: string;
  systemText: string;
  toolNames: Set<string>;
  toolResults: ToolResultView[];
}

function blocksOf(content: string | RequestBlock[]): RequestBlock[] {
  return typeof content === "string" ? [{ type: "text", text: content }] : content;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((block: RequestBlock) => (block.type === "text" && typeof block.text === "string" ? block.text : ""))
    .filter(Boolean)
    .join("\n");
}

function asObject(value: unknown): JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** Everything the sim decides comes from the request itself, so the server stays stateless. */
export function readConversation(request: SimRequest): Conversation {
  const users = request.messages.filter((m) => m.role === "user");
  const systemMessages = request.messages.filter((m) => m.role === "system");
  const systemParts = [textOf(request.system ?? ""), ...systemMessages.map((m) => textOf(m.content))];

  const calls = new Map<string, { name: string; input: JsonObject }>();
  const toolResults: ToolResultView[] = [];
  for (const message of request.messages) collectTools(message, calls, toolResults);

  return {
    firstUserText: users[0] ? textOf(users[0].content) : "",
    latestUserText: users.at(-1) ? textOf(users.at(-1)?.content) : "",
    systemText: systemParts.filter(Boolean).join("\n"),
    toolNames: new Set((request.tools ?? []).map((tool) => tool.name)),
    toolResults,
  };
}

function collectTools(
  message: RequestMessage,
  calls: Map<string, { name: string; input: JsonObject }>,
  results: ToolResultView[],
) {
  for (const block of blocksOf(message.content)) {
    if (block.type === "tool_use" && typeof block.id === "string") {
      calls.set(block.id, { name: String(block.name ?? ""), input: asObject(block.input) });
    } else if (block.type === "tool_result") {
      const id = String(block.tool_use_id ?? "");
      const call = calls.get(id);
      results.push({
        toolUseId: id,
        toolName: call?.name,
        toolInput: call?.input ?? {},
        isError: block.is_error === true,
        text: textOf(block.content ?? ""),
      });
    }
  }
}
