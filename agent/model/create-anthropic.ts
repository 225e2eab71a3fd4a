// The one way agents reach Claude: the official SDK, pointed at Anthropic when a key is set and at
// the bundled simulated Claude otherwise, so both run the same code path. The SDK is the one retry
// loop for 429, 529 and 5xx answers (honouring retry-after): it repeats only the failed call, and
// an answer that still fails after its retries is not retried again by BullMQ.
import Anthropic from "@anthropic-ai/sdk";

export interface ModelTarget {
  apiKey?: string;
  simUrl?: string;
  /** Retries of one call; 2 (the SDK's default) when not given. */
  maxRetries?: number;
  /** Sees every HTTP attempt (see rate-limit-fetch.ts). */
  fetch?: typeof fetch;
}

export function createAnthropic(target: ModelTarget): Anthropic {
  const options = { maxRetries: target.maxRetries ?? 2, ...(target.fetch ? { fetch: target.fetch } : {}) };
  if (target.apiKey) return new Anthropic({ apiKey: target.apiKey, ...options });
  if (!target.simUrl) throw new Error("No ANTHROPIC_API_KEY and no simulated Claude URL: cannot reach a model.");
  return new Anthropic({ apiKey: "simulated", baseURL: target.simUrl, ...options });
}

/**
 * Errors worth running the job again: a stream that broke after it started and a network that
 * stayed down through the SDK's retries. An HTTP error answer (429, 529, 5xx) has already had
 * its retries inside the SDK, so it is final: retrying the job would multiply them.
 */
export function isTransientModelError(error: unknown): boolean {
  if (error instanceof Anthropic.APIConnectionError) return true;
  // An error event in the stream (overloaded mid-answer, say) has no HTTP status.
  if (error instanceof Anthropic.APIError) return error.status === undefined;
  return error instanceof Anthropic.AnthropicError && endedEarly(error);
}

/**
 * A streamed answer that stopped before its end: its connection lost (the SDK passes on fetch's
 * error, "terminated", whose cause is the socket's), or the stream closed cleanly too soon, as a
 * proxy that cuts a response short leaves it (the SDK's own words, with no cause).
 */
function endedEarly(error: Error): boolean {
  return connectionLost(error) || ENDED_EARLY.has(error.message);
}

const ENDED_EARLY = new Set(["stream ended without producing a Message with role=assistant", "request ended without sending any chunks"]);

/** undici's and Node's codes for a connection that closed or timed out under a request. */
const CONNECTION_LOST = new Set(["UND_ERR_SOCKET", "UND_ERR_CLOSED", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

function connectionLost(error: Error): boolean {
  for (let cause: unknown = error.cause, depth = 0; cause && typeof cause === "object" && depth < 5; depth++) {
    const { code } = cause as { code?: unknown };
    if (typeof code === "string" && CONNECTION_LOST.has(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** An error as a person reads it: the API's own message for an error answer, not its raw JSON. */
export function describeModelError(error: unknown): string {
  if (error instanceof Anthropic.APIError) {
    const body = error.error as { error?: { message?: unknown } } | undefined;
    const message = typeof body?.error?.message === "string" ? body.error.message : null;
    if (message && error.status) return `Claude answered ${error.status}: ${message}`;
    // An error event in a streamed answer, which has no status of its own.
    if (message) return `Claude stopped its answer with an error: ${message}`;
  }
  if (error instanceof Anthropic.AnthropicError && !(error instanceof Anthropic.APIError) && endedEarly(error)) {
    return `The connection to Claude was lost during its answer (${error.message}).`;
  }
  return error instanceof Error ? error.message : String(error);
}
