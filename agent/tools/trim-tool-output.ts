// Keeps tool results within the model's context window: a long result keeps its head and tail
// around a marker saying how much was left out, and all results of one conversation share a
// total budget, so many medium-sized results cannot add up to more than the context holds.
export interface ToolOutputLimits {
  /** Most characters one tool result may put into the conversation. */
  perResultChars: number;
  /** Most characters all tool results of one conversation may put into it together. */
  perConversationChars: number;
  /** What a result still gets once the conversation's budget is spent: enough to say how it went. */
  floorChars: number;
}

// About 5k and 50k tokens: a subtask that reads a dozen large files still leaves most of a
// 200k-token context for instructions, dependency outputs and the model's own turns.
export const DEFAULT_TOOL_OUTPUT_LIMITS: ToolOutputLimits = { perResultChars: 20_000, perConversationChars: 200_000, floorChars: 1_000 };

const marker = (omitted: number) => `\n… ${omitted} characters omitted …\n`;

/** `text` cut to at most `maxChars`, keeping the head and the tail (where errors and totals are). */
export function trimMiddle(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  // The marker for the whole length is at least as long as the final one, so the result fits.
  const keep = Math.max(0, maxChars - marker(text.length).length);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  // Cut between characters, not inside a surrogate pair: half an emoji is text the API refuses.
  const headEnd = head > 0 && isLowSurrogate(text.charCodeAt(head)) ? head - 1 : head;
  const tailStart = tail === 0 ? text.length : text.length - tail + (isLowSurrogate(text.charCodeAt(text.length - tail)) ? 1 : 0);
  return text.slice(0, headEnd) + marker(tailStart - headEnd) + text.slice(tailStart);
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export interface ToolOutputBudget {
  fit(text: string): string;
  readonly usedChars: number;
}

export function createToolOutputBudget(limits: ToolOutputLimits = DEFAULT_TOOL_OUTPUT_LIMITS): ToolOutputBudget {
  let used = 0;
  return {
    fit(text) {
      const remaining = limits.perConversationChars - used;
      const allowed = Math.max(limits.floorChars, Math.min(limits.perResultChars, remaining));
      const fitted = trimMiddle(text, allowed);
      used += fitted.length;
      return fitted;
    },
    get usedChars() {
      return used;
    },
  };
}
