// Calls a tRPC procedure over the real HTTP handler (authentication, CSRF, rate limits and all),
// the way the browser and the typed client do.
import { handleTrpcRequest } from "../api/handle-request";
import { appRouter } from "../api/root";
import type { ApiDeps } from "../api/trpc";
import { CLIENT_ADDRESS_HEADER } from "../auth/client-address";

export const TEST_ORIGIN = "http://baton.test";

export interface CallOptions {
  cookie?: string;
  token?: string;
  /** The Origin header; the test origin unless given (null leaves it out). */
  origin?: string | null;
  clientAddress?: string;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  data?: T;
  error?: { message: string; code: string };
  raw: unknown;
}

export function procedureType(path: string): "query" | "mutation" | "subscription" {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>)[path];
  if (!procedure) throw new Error(`no procedure "${path}"`);
  return procedure._def.type;
}

export async function callApi<T = unknown>(deps: ApiDeps, path: string, input: unknown, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const type = procedureType(path);
  const body = JSON.stringify(input === undefined ? {} : { json: input });
  const url = `${TEST_ORIGIN}/api/trpc/${path}${type === "query" ? `?input=${encodeURIComponent(body)}` : ""}`;
  const headers = new Headers({ "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: options.clientAddress ?? "198.51.100.7" });
  const origin = options.origin === undefined ? TEST_ORIGIN : options.origin;
  if (origin !== null && type === "mutation") headers.set("origin", origin);
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const req = new Request(url, type === "query" ? { headers } : { method: "POST", body, headers });
  const response = await handleTrpcRequest(req, { deps, allowedOrigin: TEST_ORIGIN });
  const raw = (await response.json()) as { result?: { data?: { json?: T } }; error?: { json: { message: string; data: { code: string } } } };
  return {
    status: response.status,
    headers: response.headers,
    data: raw.result?.data?.json,
    error: raw.error ? { message: raw.error.json.message, code: raw.error.json.data.code } : undefined,
    raw,
  };
}
