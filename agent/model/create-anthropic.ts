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
  if (error instanceof Anthropic.APIError) return error.status === undefined;
  return false;
}

/** An error as a person reads it: the API's own message for an error answer, not its raw JSON. */
export function describeModelError(error: unknown): string {
  if (error instanceof Anthropic.APIError && error.status) {
    const body = error.error as { error?: { message?: unknown } } | undefined;
    if (typeof body?.error?.message === "string") return `Claude answered ${error.status}: ${body.error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
