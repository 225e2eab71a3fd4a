import type { InputUsage, RequestBlock, SimRequest } from "./api-types";
import { hashText } from "./make-id";

const MAX_REMEMBERED_PREFIXES = 512;

/** A fixed chars/4 rule keeps numbers deterministic across runs, which benchmarks rely on. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

interface Segment {
  text: string;
  cached: boolean;
}

/** Same order the API builds its cache prefix in: tools, then system, then messages. */
function segmentsOf(request: SimRequest): Segment[] {
  const segments: Segment[] = [];
  for (const tool of request.tools ?? []) {
    segments.push({ text: JSON.stringify(tool), cached: Boolean(tool.cache_control) });
  }
  const system: RequestBlock[] =
    typeof request.system === "string" ? [{ type: "text", text: request.system }] : (request.system ?? []);
  for (const block of system) segments.push({ text: block.text ?? "", cached: Boolean(block.cache_control) });
  for (const message of request.messages) {
    const blocks = typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
    for (const block of blocks) {
      segments.push({ text: `${message.role}:${JSON.stringify(block)}`, cached: Boolean((block as RequestBlock).cache_control) });
    }
  }
  return segments;
}

export function countInputTokens(request: SimRequest): number {
  return estimateTokens(segmentsOf(request).map((s) => s.text).join(""));
}

export class PromptCache {
  readonly #seen = new Set<string>();

  measure(request: SimRequest): InputUsage {
    const segments = segmentsOf(request);
    const total = estimateTokens(segments.map((s) => s.text).join(""));
    const lastBreakpoint = segments.findLastIndex((s) => s.cached);
    if (lastBreakpoint < 0) {
      return { input_tokens: Math.max(1, total), cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    }
    const prefix = segments.slice(0, lastBreakpoint + 1).map((s) => s.text).join("");
    const prefixTokens = estimateTokens(prefix);
    const uncached = Math.max(1, total - prefixTokens);
    const key = hashText(request.model, prefix);
    if (this.#seen.has(key)) {
      return { input_tokens: uncached, cache_creation_input_tokens: 0, cache_read_input_tokens: prefixTokens };
    }
    this.#remember(key);
    return { input_tokens: uncached, cache_creation_input_tokens: prefixTokens, cache_read_input_tokens: 0 };
  }

  #remember(key: string) {
    this.#seen.add(key);
    if (this.#seen.size <= MAX_REMEMBERED_PREFIXES) return;
    const oldest = this.#seen.values().next().value;
    if (oldest !== undefined) this.#seen.delete(oldest);
  }
}
