import type { IncomingMessage, ServerResponse } from "node:http";
import { buildMessage, serializedBlock, splitIntoChunks } from "./build-message";
import { chooseReply } from "./choose-reply";
import { countInputTokens, type PromptCache } from "./estimate-usage";
import type { FailureInjector } from "./inject-failure";
import type { LimitInjector } from "./inject-limits";
import { parseRequest } from "./parse-request";
import { pause } from "./pause";
import { readConversation } from "./read-conversation";
import { workMs } from "./read-markers";
import { sendError, sendJson } from "./send-response";
import type { ResolvedSimOptions } from "./sim-options";
import { breakOffStream, streamMessage } from "./stream-message";

export interface SimState {
  options: ResolvedSimOptions;
  cache: PromptCache;
  failures: FailureInjector;
  limits: LimitInjector;
}

const FAILURE_MESSAGES = {
  429: "Number of request tokens has exceeded your per-minute rate limit (simulated).",
  500: "Internal server error (simulated).",
  529: "Overloaded (simulated).",
} as const;

export async function handleMessages(req: IncomingMessage, res: ServerResponse, body: string, state: SimState) {
  const parsed = parseRequest(body);
  if (!parsed.ok) return sendError(res, 400, parsed.message);
  const { request } = parsed;
  const conversation = readConversation(request);

  const seen = (status: number) => state.options.onRequest?.({ status, firstUserText: conversation.firstUserText, acting: conversation.toolNames.has("finish") });
  const failure = state.failures.check(req.headers, conversation);
  if (failure) {
    seen(failure);
    const retryAfter = failure === 500 ? undefined : state.options.retryAfterMs;
    return sendError(res, failure, FAILURE_MESSAGES[failure], retryAfter);
  }
  const limit = state.limits.check(conversation);
  if (limit) {
    seen(limit.status);
    const retryAfter = limit.status === 500 ? undefined : (limit.retryAfterMs ?? state.options.retryAfterMs);
    return sendError(res, limit.status, limit.message, retryAfter, limit.headers);
  }
  // An answer cut short once started (see inject-limits.ts); a whole, unstreamed answer can only be lost or refused.
  const broken = state.limits.streamBreak(conversation);
  const refused = broken !== null && !request.stream && broken !== "connection-lost";
  seen(refused ? 529 : 200);

  const message = buildMessage(request.model, chooseReply(conversation), state.cache.measure(request));
  if (broken && request.stream) return breakOffStream(res, message, broken);
  if (broken) return refused ? sendError(res, 529, FAILURE_MESSAGES[529]) : void res.destroy();
  const signal = closeSignal(res);
  // `[sim:work=N]`: a subtask's simulated work, spent in its first model call.
  const work = conversation.toolNames.has("finish") && conversation.toolResults.length === 0 ? workMs(conversation.firstUserText) : 0;
  if (work > 0 && !(await pause(work, signal))) return;
  const { firstTokenDelayMs, tokenDelayMs } = state.options;
  if (request.stream) return streamMessage(res, message, { firstTokenDelayMs, tokenDelayMs, signal }, request.max_tokens);

  // A non-streaming caller waits for the whole generation, so it pays every chunk's delay up front.
  const chunks = message.content.reduce((n, block) => n + splitIntoChunks(serializedBlock(block)).length, 0);
  if (!(await pause(firstTokenDelayMs + chunks * tokenDelayMs, signal))) return;
  sendJson(res, 200, message);
}

export function handleCountTokens(res: ServerResponse, body: string) {
  const parsed = parseRequest(body, true);
  if (!parsed.ok) return sendError(res, 400, parsed.message);
  sendJson(res, 200, { input_tokens: Math.max(1, countInputTokens(parsed.request)) });
}

function closeSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  return controller.signal;
}
