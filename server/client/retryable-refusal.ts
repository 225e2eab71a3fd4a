// A refused Socket.IO connection that is worth retrying. Lives with the typed client, which may
// load nothing from the server at runtime; server/contracts/realtime re-exports it for the rest.

/**
 * Sent as a refused connection's `data` when the server could not check the credentials (its
 * database or Redis is away). Socket.IO never retries a refused connection by itself; clients
 * try again after a while on this, and give up only on a real refusal.
 */
export const RETRYABLE_REFUSAL = { retryable: true } as const;
export const RETRY_REFUSED_CONNECTION_MS = 2000;

export function isRetryableRefusal(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { data?: { retryable?: unknown } }).data?.retryable === true;
}
