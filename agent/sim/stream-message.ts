import type { ServerResponse } from "node:http";
import type { ContentBlock } from "./api-types";
import { serializedBlock, splitIntoChunks, type BuiltMessage } from "./build-message";
import { pause } from "./pause";

export interface StreamTiming {
  firstTokenDelayMs: number;
  tokenDelayMs: number;
  signal: AbortSignal;
}

function frame(res: ServerResponse, type: string, data: object) {
  res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
}

function openingBlock(block: ContentBlock): object {
  return block.type === "text" ? { ...block, text: "" } : { ...block, input: {} };
}

/** Event order follows the API exactly, because the SDK's MessageStream rejects anything out of order. */
export async function streamMessage(res: ServerResponse, message: BuiltMessage, timing: StreamTiming) {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  res.flushHeaders();
  if (!(await pause(timing.firstTokenDelayMs, timing.signal))) return;

  const { usage } = message;
  frame(res, "message_start", {
    message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  frame(res, "ping", {});

  for (const [index, block] of message.content.entries()) {
    frame(res, "content_block_start", { index, content_block: openingBlock(block) });
    for (const chunk of splitIntoChunks(serializedBlock(block))) {
      if (!(await pause(timing.tokenDelayMs, timing.signal))) return;
      const delta =
        block.type === "text" ? { type: "text_delta", text: chunk } : { type: "input_json_delta", partial_json: chunk };
      frame(res, "content_block_delta", { index, delta });
    }
    frame(res, "content_block_stop", { index });
  }

  frame(res, "message_delta", {
    delta: { stop_reason: message.stop_reason, stop_sequence: null, stop_details: null },
    usage,
  });
  frame(res, "message_stop", {});
  res.end();
}
