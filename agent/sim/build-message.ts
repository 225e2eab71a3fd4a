import type { ContentBlock, InputUsage, Reply } from "./api-types";
import { estimateTokens } from "./estimate-usage";
import { makeId } from "./make-id";

export interface BuiltMessage {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: ContentBlock[];
  stop_reason: Reply["stopReason"];
  stop_sequence: null;
  stop_details: null;
  container: null;
  usage: InputUsage & { output_tokens: number };
}

export function toContentBlocks(reply: Reply): ContentBlock[] {
  return reply.blocks.map((block) =>
    block.type === "text"
      ? { type: "text", text: block.text, citations: null }
      : { type: "tool_use", id: makeId("toolu"), name: block.name, input: block.input, caller: { type: "direct" } },
  );
}

export function serializedBlock(block: ContentBlock): string {
  return block.type === "text" ? block.text : JSON.stringify(block.input);
}

export function countOutputTokens(content: ContentBlock[]): number {
  return Math.max(1, content.reduce((sum, block) => sum + estimateTokens(serializedBlock(block)), 0));
}

export function buildMessage(model: string, reply: Reply, usage: InputUsage): BuiltMessage {
  const content = toContentBlocks(reply);
  return {
    id: makeId("msg"),
    type: "message",
    role: "assistant",
    model,
    content,
    stop_reason: reply.stopReason,
    stop_sequence: null,
    stop_details: null,
    container: null,
    usage: { ...usage, output_tokens: countOutputTokens(content) },
  };
}

/** ~4-character pieces approximate tokens; code points keep surrogate pairs intact. */
export function splitIntoChunks(text: string, size = 4): string[] {
  const chars = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += size) chunks.push(chars.slice(i, i + size).join(""));
  return chunks;
}
