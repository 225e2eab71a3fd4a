// Prices a new installation starts with (micro-dollars per million tokens). Seeding creates the
// missing ones and never overwrites a price an admin has edited; admins should check them
// against Anthropic's current price list.
export interface ModelPriceSeed {
  model: string;
  inputMicrosPerMTok: bigint;
  outputMicrosPerMTok: bigint;
  cacheWriteMicrosPerMTok: bigint;
  cacheReadMicrosPerMTok: bigint;
}

/** Cache writes cost 1.25× input, cache reads 0.1× input. */
function priced(model: string, inputUsd: number, outputUsd: number): ModelPriceSeed {
  const input = BigInt(inputUsd * 1_000_000);
  return {
    model,
    inputMicrosPerMTok: input,
    outputMicrosPerMTok: BigInt(outputUsd * 1_000_000),
    cacheWriteMicrosPerMTok: (input * 125n) / 100n,
    cacheReadMicrosPerMTok: input / 10n,
  };
}

export const DEFAULT_MODEL_PRICES: ModelPriceSeed[] = [
  priced("claude-sonnet-5", 3, 15),
  priced("claude-opus-5", 15, 75),
  priced("claude-haiku-5", 1, 5),
];
