// A cautious count of the input tokens a request will be billed for, before sending it, for the
// budget check. Claude's tokenizer averages about four characters a token on prose; three per
// token of the serialized request leaves room for denser text such as code and JSON.
const CHARS_PER_TOKEN = 3;

export function estimateInputTokens(request: { system: unknown; tools: unknown; messages: unknown }): number {
  const chars = JSON.stringify(request.system).length + JSON.stringify(request.tools).length + JSON.stringify(request.messages).length;
  return Math.ceil(chars / CHARS_PER_TOKEN);
}
