// What a model call costs: integer micro-dollars from its token counts and the model's prices
// (micro-dollars per million tokens). One pure function, rounded once per call, so the sum of a
// task's calls is exactly what the task shows.
export interface CallUsage {
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
}

export interface PriceRates {
  inputMicrosPerMTok: bigint;
  outputMicrosPerMTok: bigint;
  cacheWriteMicrosPerMTok: bigint;
  cacheReadMicrosPerMTok: bigint;
}

const PER_MTOK = 1_000_000n;

/** Cost of one call, rounded half up to a whole micro-dollar. */
export function callCostMicros(usage: CallUsage, price: PriceRates): bigint {
  const scaled =
    BigInt(usage.inputTokens) * price.inputMicrosPerMTok +
    BigInt(usage.outputTokens) * price.outputMicrosPerMTok +
    BigInt(usage.cacheWriteTokens) * price.cacheWriteMicrosPerMTok +
    BigInt(usage.cacheReadTokens) * price.cacheReadMicrosPerMTok;
  return (scaled + PER_MTOK / 2n) / PER_MTOK;
}

/**
 * The most a call can cost before it is made: every input token billed at the dearer of the
 * input and cache-write price (the call may write its prefix to the cache), and the model
 * writing all of max_tokens. Rounded up, so a budget check never lets a call through by rounding.
 */
export function worstCaseCallMicros(call: { inputTokens: number; maxTokens: number }, price: PriceRates): bigint {
  const inputRate = price.cacheWriteMicrosPerMTok > price.inputMicrosPerMTok ? price.cacheWriteMicrosPerMTok : price.inputMicrosPerMTok;
  const scaled = BigInt(call.inputTokens) * inputRate + BigInt(call.maxTokens) * price.outputMicrosPerMTok;
  return (scaled + PER_MTOK - 1n) / PER_MTOK;
}

/** Dollars (as typed by people) to micro-dollars, and back for display and forms. */
export const usdToMicros = (usd: number): bigint => BigInt(Math.round(usd * 1_000_000));
export const microsToUsd = (micros: bigint): number => Number(micros) / 1_000_000;
