import { describe, expect, it } from "vitest";
import { isLoopback, metricsAccess } from "./metrics-access";

const TOKEN = "metrics-token-0123456789abcdef";

describe("metricsAccess", () => {
  it("without a token, serves loopback clients only", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) {
      expect(metricsAccess({ authorization: null, clientAddress: address, token: undefined })).toEqual({ allowed: true });
    }
    for (const address of ["10.0.0.4", "198.51.100.7", "::ffff:10.1.1.1", "fe80::1", "unknown", null]) {
      const access = metricsAccess({ authorization: null, clientAddress: address, token: undefined });
      expect(access).toMatchObject({ allowed: false, status: 403, message: expect.stringContaining("Set BATON_METRICS_TOKEN") });
    }
  });

  it("with a token, needs exactly that bearer token, from anywhere", () => {
    expect(metricsAccess({ authorization: `Bearer ${TOKEN}`, clientAddress: "198.51.100.7", token: TOKEN })).toEqual({ allowed: true });
    expect(metricsAccess({ authorization: `bearer  ${TOKEN} `, clientAddress: "198.51.100.7", token: TOKEN })).toEqual({ allowed: true });
    for (const authorization of [null, "", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, "Bearer ", TOKEN]) {
      expect(metricsAccess({ authorization, clientAddress: "198.51.100.7", token: TOKEN })).toMatchObject({ allowed: false, status: 401 });
    }
  });

  it("does not take a loopback peer that relays a proxied request for this host", () => {
    expect(metricsAccess({ authorization: null, clientAddress: "127.0.0.1", token: undefined, relayed: true })).toMatchObject({ allowed: false, status: 403 });
  });

  it("with a token, does not let loopback clients skip it", () => {
    expect(metricsAccess({ authorization: null, clientAddress: "127.0.0.1", token: TOKEN })).toMatchObject({ allowed: false, status: 401 });
  });

  it("recognises loopback addresses only", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("128.0.0.1")).toBe(false);
    expect(isLoopback("127.0.0.1.evil")).toBe(false);
  });
});
