// Audit events read as short sentences, and unknown actions or odd data still render.
import { describe, expect, it } from "vitest";
import { actionLabel, describeDetails, describeTarget } from "./audit-labels";

const event = (action: string, data: unknown, target: { type: string; id: string } | null = null, actorEmail: string | null = "owner@example.test") => ({
  action,
  actorEmail,
  targetType: target?.type ?? null,
  targetId: target?.id ?? null,
  data,
});

describe("actionLabel", () => {
  it("names known actions and passes unknown ones through", () => {
    expect(actionLabel("member.role_changed")).toBe("Role changed");
    expect(actionLabel("something.new")).toBe("something.new");
  });
});

describe("describeTarget", () => {
  it("prefers the e-mail or token name the event recorded", () => {
    expect(describeTarget(event("member.role_changed", { email: "a@x.test" }, { type: "user", id: "u1" }))?.text).toBe("a@x.test");
    expect(describeTarget(event("api_token.created", { name: "CI" }, { type: "api_token", id: "t1" }))?.text).toBe("“CI”");
    expect(describeTarget(event("auth.refused", { email: "stranger@x.test" }, null, null))?.text).toBe("stranger@x.test");
  });

  it("links tasks and names the joining member", () => {
    expect(describeTarget(event("share_link.revoked", {}, { type: "task", id: "cmtask0000000000abcdef" }))).toMatchObject({ href: "/tasks/cmtask0000000000abcdef" });
    expect(describeTarget(event("member.joined", { role: "MEMBER" }, { type: "user", id: "u2" }, "new@x.test"))?.text).toBe("new@x.test");
    expect(describeTarget(event("auth.signed_in", { provider: "github" }))).toBeNull();
  });
});

describe("describeDetails", () => {
  it("words the data of known actions", () => {
    expect(describeDetails(event("member.role_changed", { email: "a@x.test", from: "MEMBER", to: "ADMIN" }))).toBe("Member → Admin");
    expect(describeDetails(event("member.joined", { role: "OWNER", via: "first user" }))).toBe("as Owner · via first user");
    expect(describeDetails(event("api_token.created", { name: "CI", scope: "READ", expiresAt: null }))).toBe("read access · never expires");
    expect(describeDetails(event("auth.refused", { email: "s@x.test", provider: "github", reason: "not_invited" }))).toBe("not invited · via github");
    expect(describeDetails(event("api_token.revoked", { name: "CI" }))).toBe("");
  });

  it("falls back to key: value pairs for actions it does not know", () => {
    expect(describeDetails(event("agents.resized", { from: 2, to: 4 }))).toBe("from: 2 · to: 4");
    expect(describeDetails(event("agents.resized", null))).toBe("");
  });
});
