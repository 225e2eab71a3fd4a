// Turns whatever a Baton call threw into one line a person can act on: the server's own
// message when it answered, otherwise what went wrong on the way.
import { TRPCClientError } from "@trpc/client";

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  ETIMEDOUT: "timed out",
  UND_ERR_CONNECT_TIMEOUT: "timed out",
  UND_ERR_SOCKET: "connection closed",
};

/** The tRPC error code (`UNAUTHORIZED`, `NOT_FOUND`, …) when the server answered with one. */
export function errorCodeOf(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  return data && typeof data === "object" && "code" in data && typeof data.code === "string" ? data.code : undefined;
}

export function describeClientError(error: unknown, url: string): string {
  if (error instanceof TRPCClientError && errorCodeOf(error)) return error.message;
  const network = networkProblem(error);
  if (network) return `Could not reach Baton at ${url} (${network}). Check that it is running and that --url or BATON_URL points at it.`;
  if (error instanceof TRPCClientError) {
    // Answers without tRPC's error shape come from something else at that address (a proxy, a
    // different app), which parse as HTML or not at all.
    return `${url} did not answer like a Baton server (${error.message}). Check --url or BATON_URL.`;
  }
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

function networkProblem(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES[code]) return NETWORK_CODES[code];
    if (current instanceof AggregateError && current.errors.length > 0) {
      current = current.errors[0];
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  if (error instanceof Error && /fetch failed/i.test(error.message)) return "network error";
  return undefined;
}
