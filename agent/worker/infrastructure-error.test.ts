import { MaxRetriesPerRequestError } from "ioredis/built/errors";
import { expect, it } from "vitest";
import { isInfrastructureError } from "./infrastructure-error";

it("recognises Redis and PostgreSQL being out of reach, also as the cause of another error", () => {
  expect(isInfrastructureError(new MaxRetriesPerRequestError(3))).toBe(true);
  expect(isInfrastructureError(new Error("Connection is closed."))).toBe(true);
  expect(isInfrastructureError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED" }))).toBe(true);
  expect(isInfrastructureError(Object.assign(new Error("the database system is shutting down"), { code: "57P03" }))).toBe(true);
  expect(isInfrastructureError(new Error("Connection terminated unexpectedly"))).toBe(true);
  expect(isInfrastructureError(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  expect(isInfrastructureError(new Error("query failed", { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } }))).toBe(true);
  // As Prisma's client throws it: the driver adapter's error is in its meta.
  const adapterError = { name: "DriverAdapterError", message: "DatabaseNotReachable", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } };
  expect(isInfrastructureError(Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: adapterError } }))).toBe(true);
});

it("leaves everything else to be judged as a failure of the work", () => {
  expect(isInfrastructureError(new Error("The model stopped without calling finish."))).toBe(false);
  expect(isInfrastructureError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
  expect(isInfrastructureError(Object.assign(new Error("no such file"), { code: "ENOENT" }))).toBe(false);
  expect(isInfrastructureError(null)).toBe(false);
  expect(isInfrastructureError("ECONNREFUSED")).toBe(false);
});
