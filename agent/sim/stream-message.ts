import type { ServerResponse } from "node:http";
import type { ContentBlock } from "./api-types";
import type { StreamBreak } from "./inject-limits";
import { serializedBlock, splitIntoChunks, type BuiltMessage } from "./build-message";
import { pause } from "./pause";

export interface StreamTiming {
  firstTokenDelayMs: number;
  tokenDelayMs: number;
  signal: AbortSignal;
}

const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" };

const sseEvent = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

/** `message_start`'s message: no content yet, one output token so far. */
const openingMessage = (message: BuiltMessage) => ({ ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } });

function openingBlock(block: ContentBlock): object {
  return block.type === "text" ? { ...block, text: "" } : { ...block, input: {} };
}

/**
 * Event order follows the API exactly, because the SDK's MessageStream rejects anything out of order.
 * With no delays to simulate, the events go out in one write: a write per event would cost both
 * processes a system call and a wake-up each: overhead of the simulator, not of its client.
 * An answer longer than `maxTokens` (one token a chunk) stops there, as the API's do: the block
 * being streamed ends where it was cut (a tool call's input JSON unfinished), later blocks are not
 * sent, and the stop reason is `max_tokens`.
 */
export async function streamMessage(res: ServerResponse, message: BuiltMessage, timing: StreamTiming, maxTokens = Infinity) {
  const held: string[] | null = timing.firstTokenDelayMs <= 0 && timing.tokenDelayMs <= 0 ? [] : null;
  const frame = (type: string, data: object) => {
    const event = sseEvent(type, data);
    if (held) held.push(event);
    else res.write(event);
  };
  if (!held) {
    res.writeHead(200, SSE_HEADERS);
    res.flushHeaders();
  }
  if (!(await pause(timing.firstTokenDelayMs, timing.signal))) return;

  frame("message_start", { message: openingMessage(message) });
  frame("ping", {});

  let tokens = 0;
  let cut = false;
  for (const [index, block] of message.content.entries()) {
    const chunks = splitIntoChunks(serializedBlock(block));
    if (tokens >= maxTokens && chunks.length > 0) {
      cut = true;
      break;
    }
    frame("content_block_start", { index, content_block: openingBlock(block) });
    for (const chunk of chunks) {
      if (tokens >= maxTokens) {
        cut = true;
        break;
      }
      if (!(await pause(timing.tokenDelayMs, timing.signal))) return;
      const delta =
        block.type === "text" ? { type: "text_delta", text: chunk } : { type: "input_json_delta", partial_json: chunk };
      frame("content_block_delta", { index, delta });
      tokens++;
    }
    frame("content_block_stop", { index });
    if (cut) break;
  }

  frame("message_delta", {
    delta: { stop_reason: cut ? "max_tokens" : message.stop_reason, stop_sequence: null, stop_details: null },
    usage: cut ? { ...message.usage, output_tokens: tokens } : message.usage,
  });
  frame("message_stop", {});
  if (!held) return void res.end();
  const body = held.join("");
  res.writeHead(200, { ...SSE_HEADERS, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** An answer cut short once it has started: the opening event, then the socket closes, an error event ends the stream, or it just ends. */
export function breakOffStream(res: ServerResponse, message: BuiltMessage, how: StreamBreak): void {
  res.writeHead(200, SSE_HEADERS);
  const start = sseEvent("message_start", { message: openingMessage(message) });
  if (how === "connection-lost") res.write(start, () => res.destroy());
  else if (how === "error-event") res.end(start + sseEvent("error", { error: { type: "overloaded_error", message: "Overloaded (simulated)." } }));
  else res.end(start);
}
