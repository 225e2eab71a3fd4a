import { expect, it } from "vitest";
import { isUnreachedDatabaseError } from "./unreached";

const pgError = (message: string, code: string) => Object.assign(new Error(message), { code });

it("recognises a statement PostgreSQL never ran: refused, shutting down, starting up or crashed, or a broken client", () => {
  expect(isUnreachedDatabaseError(pgError("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
  expect(isUnreachedDatabaseError(pgError("terminating connection due to administrator command", "57P01"))).toBe(true);
  expect(isUnreachedDatabaseError(pgError("terminating connection because of crash of another server process", "57P02"))).toBe(true);
  expect(isUnreachedDatabaseError(pgError("the database system is starting up", "57P03"))).toBe(true);
  expect(isUnreachedDatabaseError(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  const notReachable = { name: "DriverAdapterError", message: "DatabaseNotReachable", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } };
  expect(isUnreachedDatabaseError(notReachable)).toBe(true);
  // As Prisma's client throws it.
  expect(isUnreachedDatabaseError(Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: notReachable } }))).toBe(true);
});

it("leaves out a connection lost under a statement, which may have committed, and every other error", () => {
  expect(isUnreachedDatabaseError(new Error("Connection terminated unexpectedly"))).toBe(false);
  expect(isUnreachedDatabaseError(pgError("read ECONNRESET", "ECONNRESET"))).toBe(false);
  expect(isUnreachedDatabaseError(pgError("duplicate key value violates unique constraint", "23505"))).toBe(false);
  expect(isUnreachedDatabaseError(new Error("Connection is closed."))).toBe(false);
  expect(isUnreachedDatabaseError(null)).toBe(false);
});
