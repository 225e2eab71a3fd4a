// The typed tRPC client for scripts and internal tools: the dashboard's own API over HTTP,
// authenticated with an API token.
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import type { AppRouter } from "../api/root";
import { TRPC_MAX_BATCH } from "./trpc-batch";

export interface BatonClientOptions {
  /** Where Baton runs, e.g. `http://localhost:3000`. */
  url: string;
  /** An API token (`baton_…`) from the API tokens page (`/settings/tokens`). */
  token: string;
  /** Replaces the global fetch, for proxies or tests. */
  fetch?: typeof globalThis.fetch;
}

export type BatonClient = ReturnType<typeof createTRPCClient<AppRouter>>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export function createBatonClient({ url, token, fetch }: BatonClientOptions): BatonClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl(url)}/api/trpc`,
        maxItems: TRPC_MAX_BATCH,
        transformer: superjson,
        headers: () => ({ authorization: `Bearer ${token}` }),
        ...(fetch ? { fetch } : {}),
      }),
    ],
  });
}

/** `http://host:3000/` and `http://host:3000` name the same server. */
export function baseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}
