export type JsonObject = Record<string, unknown>;

/** Request shapes are kept loose on purpose: the sim must accept anything the real API would. */
export interface RequestBlock {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: unknown;
  is_error?: boolean;
  cache_control?: unknown;
}

export interface RequestMessage {
  role: "user" | "assistant" | "system";
  content: string | RequestBlock[];
}

export interface RequestTool {
  name: string;
  cache_control?: unknown;
}

export interface SimRequest {
  model: string;
  max_tokens?: number;
  messages: RequestMessage[];
  system?: string | RequestBlock[];
  tools?: RequestTool[];
  stream?: boolean;
}

export type ReplyBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; name: string; input: JsonObject };

export interface Reply {
  blocks: ReplyBlock[];
  stopReason: "end_turn" | "tool_use";
}

export type ContentBlock =
  | { type: "text"; text: string; citations: null }
  | { type: "tool_use"; id: string; name: string; input: JsonObject; caller: { type: "direct" } };

export interface InputUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export type ErrorStatus = 400 | 404 | 429 | 500 | 529;
