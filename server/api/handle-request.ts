// The tRPC HTTP endpoint: authenticates the request, notes a foreign origin, counts failed
// token attempts, and turns rate limits into 429 with Retry-After. The Next.js route handler
// and the API tests both call this, so the tests exercise the real request path.
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { authenticate, credentialsFromHeaders } from "../auth/authenticate";
import { CLIENT_ADDRESS_HEADER } from "../auth/client-address";
import { originRefusal } from "../auth/csrf";
import { RateLimitedError } from "../auth/rate-limits";
import { appRouter } from "./root";
import type { ApiDeps, TrpcContext } from "./trpc";
import { TRPC_MAX_BATCH } from "../client/trpc-batch";

export const TRPC_ENDPOINT = "/api/trpc";

export interface HandleRequestOptions {
  deps: ApiDeps;
  /** Baton's own origin, e.g. `http://localhost:3000`; cookie-authenticated writes must come from it. */
  allowedOrigin: string;
}

export function handleTrpcRequest(req: Request, { deps, allowedOrigin }: HandleRequestOptions): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: () => createContext(req, deps, allowedOrigin),
    maxBatchSize: TRPC_MAX_BATCH,
    responseMeta({ errors }) {
      const limited = errors.find((error) => error.cause instanceof RateLimitedError)?.cause as RateLimitedError | undefined;
      return limited ? { headers: new Headers({ "retry-after": String(limited.retryAfterSeconds) }) } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

async function createContext(req: Request, deps: ApiDeps, allowedOrigin: string): Promise<TrpcContext> {
  const credentials = credentialsFromHeaders(req.headers);
  const clientAddress = req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  const context: TrpcContext = {
    deps,
    actor: null,
    authFailure: null,
    clientAddress,
    csrfRefusal: credentials.bearerToken ? null : originRefusal(req.headers.get("origin"), allowedOrigin),
  };

  if (credentials.bearerToken) {
    try {
      await deps.rateLimits.assertTokenAttemptsAllowed(clientAddress);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return { ...context, authFailure: new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error }) };
    }
  }

  const outcome = await authenticate(deps.db, credentials);
  if (outcome.kind === "authenticated") return { ...context, actor: outcome.actor };
  if (outcome.kind === "rejected") {
    await deps.rateLimits.recordTokenFailure(clientAddress);
    return { ...context, authFailure: new TRPCError({ code: "UNAUTHORIZED", message: outcome.reason }) };
  }
  return context;
}
