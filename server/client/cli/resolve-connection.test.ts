// Where the CLI connects and with which token: flags, then the environment, then the default.
import { describe, expect, it } from "vitest";
import { UsageError } from "./parse-args";
import { resolveConnection } from "./resolve-connection";

describe("resolveConnection", () => {
  it("prefers flags to the environment and the environment to the default", () => {
    expect(resolveConnection({ token: "baton_a" }, {})).toEqual({ url: "http://localhost:3000", token: "baton_a" });
    expect(resolveConnection({}, { BATON_URL: "https://baton.example/", BATON_TOKEN: "baton_b" })).toEqual({ url: "https://baton.example", token: "baton_b" });
    expect(resolveConnection({ url: "http://other:3100", token: "baton_c" }, { BATON_URL: "https://baton.example", BATON_TOKEN: "baton_b" })).toEqual({
      url: "http://other:3100",
      token: "baton_c",
    });
  });

  it("refuses to go on without a token, saying where to get one", () => {
    expect(() => resolveConnection({}, { BATON_TOKEN: "  " })).toThrow(UsageError);
    expect(() => resolveConnection({}, {})).toThrow(/no API token: pass --token or set BATON_TOKEN/);
  });

  it("refuses an address that is not an http(s) URL", () => {
    expect(() => resolveConnection({ url: "localhost:3000", token: "baton_a" }, {})).toThrow(/is not an http\(s\) URL/);
    expect(() => resolveConnection({ url: "not a url", token: "baton_a" }, {})).toThrow(/is not a URL/);
  });
});
