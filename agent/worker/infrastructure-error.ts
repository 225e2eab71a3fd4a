// Errors that say Baton's own services (Redis, PostgreSQL) were out of reach, not that the work
// is wrong: a run that meets one is retried once they are back instead of failing its subtask.
import { errorChain } from "../../server/db/unreached";

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTCONN"]);
// PostgreSQL: shutting down, starting up, or the connection was lost (class 08).
const POSTGRES_UNAVAILABLE = /^(57P0[1-3]|08\w{3})$/;
// pg: the connection dropped under a query, or a pooled client was left broken by a drop.
const PG_CONNECTION_LOST = /^(Connection terminated|Client has encountered a connection error)/;

export function isInfrastructureError(error: unknown): boolean {
  for (const { name, code, message, kind } of errorChain(error)) {
    // ioredis: commands given up on while the connection is down, or sent on a closed one.
    if (name === "MaxRetriesPerRequestError" || message === "Connection is closed.") return true;
    if (typeof message === "string" && PG_CONNECTION_LOST.test(message)) return true;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code))) return true;
    // Prisma's driver adapter: the database could not be reached.
    if (kind === "DatabaseNotReachable") return true;
  }
  return false;
}
