import { z } from "zod";
import type { SimRequest } from "./api-types";

const block = z.looseObject({ type: z.string({ error: "each content block needs a string `type`" }) });

const message = z.looseObject({
  role: z.enum(["user", "assistant", "system"], { error: "role must be `user` or `assistant`" }),
  content: z.union([z.string(), z.array(block)], { error: "content must be a string or an array of blocks" }),
});

const baseShape = {
  model: z.string({ error: "model: field required" }).min(1, "model: must not be empty"),
  messages: z
    .array(message, { error: "messages: field required (an array of messages)" })
    .min(1, "messages: at least one message is required"),
  system: z.union([z.string(), z.array(block)], { error: "system must be a string or an array of text blocks" }).optional(),
  tools: z.array(z.looseObject({ name: z.string().min(1, "each tool needs a name") })).optional(),
  stream: z.boolean({ error: "stream must be a boolean" }).optional(),
};

const messagesBody = z.looseObject({
  ...baseShape,
  max_tokens: z
    .number({ error: "max_tokens: field required" })
    .int("max_tokens must be an integer")
    .positive("max_tokens must be positive"),
});

const countTokensBody = z.looseObject(baseShape);

export type ParseResult = { ok: true; request: SimRequest } | { ok: false; message: string };

/** `countOnly` relaxes `max_tokens`, which the count_tokens endpoint does not take. */
export function parseRequest(raw: string, countOnly = false): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, message: `request body is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, message: "request body must be a JSON object" };
  }
  const parsed = (countOnly ? countTokensBody : messagesBody).safeParse(json);
  if (parsed.success) return { ok: true, request: parsed.data as SimRequest };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 1 ? ` (at ${issue.path.join(".")})` : "";
  return { ok: false, message: `${issue?.message ?? "invalid request"}${where}` };
}
