// The web process's settings: the development sign-in can never run in production, and OAuth
// providers must be configured completely or not at all.
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env-schema";

const base = { DATABASE_URL: "postgresql://localhost/baton" };

describe("server environment", () => {
  it("refuses to start with the development sign-in in production", () => {
    expect(() => parseServerEnv({ ...base, NODE_ENV: "production", BATON_DEV_LOGIN: "1" })).toThrow(/the development sign-in cannot be enabled when NODE_ENV=production\n.*at BATON_DEV_LOGIN/);
    expect(parseServerEnv({ ...base, NODE_ENV: "development", BATON_DEV_LOGIN: "1" }).BATON_DEV_LOGIN).toBe(true);
    expect(parseServerEnv({ ...base, NODE_ENV: "production" }).BATON_DEV_LOGIN).toBe(false);
  });

  it("listens on every interface, but only on loopback while the development sign-in is on, unless told otherwise", () => {
    expect(parseServerEnv({ ...base }).HOSTNAME).toBe("0.0.0.0");
    expect(parseServerEnv({ ...base, NODE_ENV: "development", BATON_DEV_LOGIN: "1" }).HOSTNAME).toBe("127.0.0.1");
    expect(parseServerEnv({ ...base, NODE_ENV: "development", BATON_DEV_LOGIN: "1", HOSTNAME: "0.0.0.0" }).HOSTNAME).toBe("0.0.0.0");
    expect(parseServerEnv({ ...base, HOSTNAME: "10.1.2.3" }).HOSTNAME).toBe("10.1.2.3");
  });

  it("names the missing half of a provider's settings", () => {
    expect(() => parseServerEnv({ ...base, AUTH_GITHUB_ID: "abc" })).toThrow(/is required when AUTH_GITHUB_ID is set\n.*at AUTH_GITHUB_SECRET/);
    expect(() => parseServerEnv({ ...base, AUTH_OIDC_ISSUER: "https://id.example.com", AUTH_OIDC_ID: "x" })).toThrow(/at AUTH_OIDC_SECRET/);
  });

  it("reads allowed domains as a trimmed, lower-case list", () => {
    expect(parseServerEnv({ ...base, BATON_ALLOWED_DOMAINS: " Example.com, @corp.test ,," }).BATON_ALLOWED_DOMAINS).toEqual(["example.com", "corp.test"]);
  });
});
