// The one way agents reach Claude: the official SDK, pointed at Anthropic when a key is set and at
// the bundled simulated Claude otherwise, so both run the same code path. The SDK retries 429 and
// 529 answers (honouring retry-after) before an error reaches the job.
import Anthropic from "@anthropic-ai/sdk";

export interface ModelTarget {
  apiKey?: string;
  simUrl?: string;
}

export function createAnthropic(target: ModelTarget): Anthropic {
  if (target.apiKey) return new Anthropic({ apiKey: target.apiKey, maxRetries: 4 });
  if (!target.simUrl) throw new Error("No ANTHROPIC_API_KEY and no simulated Claude URL: cannot reach a model.");
  return new Anthropic({ apiKey: "simulated", baseURL: target.simUrl, maxRetries: 4 });
}

/** Errors worth another attempt later: rate limits, overload, server errors and the network. */
export function isTransientModelError(error: unknown): boolean {
  if (error instanceof Anthropic.APIConnectionError) return true;
  if (error instanceof Anthropic.APIError) return error.status === undefined || error.status === 429 || error.status >= 500;
  return false;
}
