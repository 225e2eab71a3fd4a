import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseGitHubEmail, githubProfile } from "./providers";

const email = (address: string, primary: boolean, verified: boolean) => ({ email: address, primary, verified });

describe("chooseGitHubEmail", () => {
  it("takes the public address when GitHub verified it, else the verified primary one", () => {
    expect(chooseGitHubEmail("Pub@example.test", [email("main@example.test", true, true), email("pub@example.test", false, true)])).toEqual({ email: "pub@example.test", verified: true });
    expect(chooseGitHubEmail(null, [email("other@example.test", false, true), email("main@example.test", true, true)])).toEqual({ email: "main@example.test", verified: true });
    expect(chooseGitHubEmail("pub@example.test", [email("pub@example.test", false, false), email("main@example.test", true, true)])).toEqual({ email: "main@example.test", verified: true });
  });

  it("marks an account without a verified primary or public address unverified, and one without addresses has none", () => {
    expect(chooseGitHubEmail(null, [email("main@example.test", true, false), email("old@example.test", false, true)])).toEqual({ email: "main@example.test", verified: false });
    expect(chooseGitHubEmail("pub@example.test", [])).toBeNull();
  });
});

// A stand-in for GitHub's REST API on a local port: the profile, and the account's addresses.
let api: http.Server;
let base: string;
let addresses: unknown = [];
let seenAuthorization: string | undefined;
beforeAll(async () => {
  api = http.createServer((request, response) => {
    seenAuthorization = request.headers.authorization;
    response.setHeader("content-type", "application/json");
    if (request.url === "/user") return response.end(JSON.stringify({ id: 42, login: "octo", email: null, avatar_url: "https://example.test/a.png" }));
    if (request.url === "/user/emails" && Array.isArray(addresses)) return response.end(JSON.stringify(addresses));
    response.statusCode = 404;
    response.end("{}");
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => api.close(resolve)));

describe("githubProfile", () => {
  it("asks GitHub with the access token and sets the address and whether it is verified", async () => {
    addresses = [email("octo@example.test", true, true)];
    expect(await githubProfile(base, "gho_token")).toMatchObject({ id: 42, login: "octo", email: "octo@example.test", email_verified: true });
    expect(seenAuthorization).toBe("Bearer gho_token");

    addresses = [email("octo@example.test", true, false)];
    expect(await githubProfile(base, "gho_token")).toMatchObject({ email: "octo@example.test", email_verified: false });
  });

  it("has no address when GitHub will not list them", async () => {
    addresses = null;
    expect(await githubProfile(base, "gho_token")).toMatchObject({ email: null, email_verified: false });
  });
});
