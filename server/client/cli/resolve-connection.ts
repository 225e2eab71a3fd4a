// Where to reach Baton and with which token: flags first, then BATON_URL / BATON_TOKEN.
import { baseUrl } from "../create-baton-client";
import { UsageError } from "./parse-args";

export const DEFAULT_URL = "http://localhost:3000";

export interface Connection {
  url: string;
  token: string;
}

export function resolveConnection(flags: { url?: string; token?: string }, env: Record<string, string | undefined>): Connection {
  const url = flags.url ?? (env.BATON_URL || DEFAULT_URL);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`"${url}" is not a URL; pass --url or set BATON_URL to Baton's address, e.g. ${DEFAULT_URL}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new UsageError(`"${url}" is not an http(s) URL; pass --url or set BATON_URL to Baton's address, e.g. ${DEFAULT_URL}`);
  }
  const token = (flags.token ?? env.BATON_TOKEN ?? "").trim();
  if (!token) {
    throw new UsageError("no API token: pass --token or set BATON_TOKEN (create one on the API tokens page, /settings/tokens)");
  }
  return { url: baseUrl(url), token };
}
