// Errors that prove a statement never committed because PostgreSQL could not be reached: the
// connection was refused, the server refused or ended the session (shutting down, starting up,
// crashed), or pg would not send on a client already broken. A statement that met one can be
// sent again once the server is back. A connection that merely dropped mid-statement is not
// among them: its statement may have committed before the answer was lost.
import { setTimeout } from "node:timers/promises";

const SERVER_GONE = new Set(["57P01", "57P02", "57P03"]);

/** How long work that is worth keeping (a run's result, its model calls) waits for PostgreSQL to come back. */
export const UNREACHED_WAIT_MS = 20_000;

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  kind?: unknown;
}

/** An error and the errors under it: its `cause`, or the driver adapter's error in a Prisma error's meta. */
export function* errorChain(error: unknown): Generator<ErrorFields> {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    yield current as ErrorFields;
    const { cause, meta } = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = cause ?? meta?.driverAdapterError;
  }
}

export function isUnreachedDatabaseError(error: unknown): boolean {
  for (const { code, message, kind } of errorChain(error)) {
    if (code === "ECONNREFUSED" || (typeof code === "string" && SERVER_GONE.has(code))) return true;
    if (typeof message === "string" && message.startsWith("Client has encountered a connection error and is not queryable")) return true;
    // Prisma's driver adapter: the database could not be reached.
    if (kind === "DatabaseNotReachable") return true;
  }
  return false;
}

/**
 * Runs `attempt` again, after a growing pause (0.1 s doubling to 1 s), while it fails only because
 * PostgreSQL is out of reach, for up to `waitMs`; then, or on any other error, throws that error.
 * `attempt` must be safe to repeat once it failed that way: nothing of it committed.
 */
export async function whileUnreached<T>(attempt: () => Promise<T>, waitMs = UNREACHED_WAIT_MS): Promise<T> {
  const giveUpAt = Date.now() + waitMs;
  for (let pauseMs = 100; ; pauseMs = Math.min(pauseMs * 2, 1000)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUnreachedDatabaseError(error) || Date.now() + pauseMs > giveUpAt) throw error;
      await setTimeout(pauseMs);
    }
  }
}
