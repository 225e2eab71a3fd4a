import { describe, expect, it } from "vitest";
import { clientAddressOf, relayedFlag } from "./client-address";

describe("clientAddressOf", () => {
  it("is the TCP peer unless a trusted proxy sits in front", () => {
    expect(clientAddressOf("203.0.113.9", undefined, false)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.2", "127.0.0.1", false)).toBe("10.0.0.2");
    expect(clientAddressOf(undefined, undefined, false)).toBe("unknown");
  });

  it("behind a trusted proxy, takes the hop the proxy appended, not what the client wrote before it", () => {
    // nginx's $proxy_add_x_forwarded_for: the client's own header, then the address the proxy saw.
    expect(clientAddressOf("10.0.0.2", "127.0.0.1, 198.51.100.7", true)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", ["127.0.0.1", "198.51.100.7"], true)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", "198.51.100.7", true)).toBe("198.51.100.7");
    expect(clientAddressOf("10.0.0.2", " , ", true)).toBe("10.0.0.2");
  });
});

describe("relayedFlag", () => {
  it("marks a request with X-Forwarded-For as relayed unless proxies are trusted", () => {
    expect(relayedFlag(undefined, false)).toBe("0");
    expect(relayedFlag("198.51.100.7", false)).toBe("1");
    expect(relayedFlag(["198.51.100.7"], false)).toBe("1");
    expect(relayedFlag("198.51.100.7", true)).toBe("0");
  });
});
