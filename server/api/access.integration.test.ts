// Access over the real HTTP handler: API tokens and their scopes, CSRF, rate limits, task
// ownership, member and invitation management, and the audit trail they leave.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashSecret } from "../auth/secret-tokens";
import { callApi, TEST_ORIGIN } from "../testing/call-api";
import { createTestDeps, resetData } from "../testing/test-deps";
import { apiTokenFor, createUser, sessionCookieFor, type TestUser } from "../testing/test-users";

const deps = createTestDeps("access", { rateLimits: { taskCreatesPerMinute: 3, tokenFailuresPerMinute: 3 } });
afterAll(() => deps.close());

let owner: TestUser, admin: TestUser, member: TestUser, other: TestUser;
const cookies = new Map<string, string>();
const cookie = (user: TestUser) => cookies.get(user.id)!;

beforeAll(async () => {
  await resetData(deps);
  owner = await createUser(deps.db, "OWNER");
  admin = await createUser(deps.db, "ADMIN");
  member = await createUser(deps.db, "MEMBER");
  other = await createUser(deps.db, "MEMBER");
  for (const user of [owner, admin, member, other]) cookies.set(user.id, await sessionCookieFor(deps.db, user));
});

const auditActions = async () => (await deps.db.auditEvent.findMany({ orderBy: { createdAt: "asc" }, select: { action: true } })).map((e) => e.action);

describe("API tokens", () => {
  it("are shown once, stored only as a hash, and work as a Bearer credential", async () => {
    const created = await callApi<{ token: string; prefix: string; id: string }>(deps, "token.create", { name: "deploy bot", scope: "WRITE", expiresInDays: 30 }, { cookie: cookie(member) });
    expect(created.status).toBe(200);
    const { token, prefix, id } = created.data!;
    expect(token.startsWith(prefix)).toBe(true);

    const row = await deps.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(prefix.length));
    const listed = await callApi<Array<Record<string, unknown>>>(deps, "token.list", undefined, { cookie: cookie(member) });
    expect(JSON.stringify(listed.data)).not.toContain(token);

    const me = await callApi<{ email: string; role: string; via: string }>(deps, "account.me", undefined, { token });
    expect(me.data).toMatchObject({ email: member.email, role: "MEMBER", via: "token" });
    expect((await deps.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    expect(await auditActions()).toContain("api_token.created");
  });

  it("with read scope can read but not change anything", async () => {
    const token = await apiTokenFor(deps.db, member, "READ");
    expect((await callApi(deps, "task.list", {}, { token })).status).toBe(200);
    const refused = await callApi(deps, "task.create", { prompt: "write a report" }, { token });
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/needs the member role or higher; you are a viewer \(through this token\)/);
    expect(await deps.db.task.count()).toBe(0);
  });

  it("cannot manage tokens, even with write scope", async () => {
    const token = await apiTokenFor(deps.db, owner, "WRITE");
    const response = await callApi(deps, "token.create", { name: "x", scope: "WRITE" }, { token });
    expect(response.status).toBe(403);
    expect(response.error?.message).toMatch(/only available when signed in/);
  });

  it("are refused once revoked or expired, with a message that says which", async () => {
    const created = await callApi<{ token: string; id: string }>(deps, "token.create", { name: "ci", scope: "READ" }, { cookie: cookie(other) });
    const { token, id } = created.data!;
    expect((await callApi(deps, "token.revoke", { id }, { cookie: cookie(other) })).status).toBe(200);
    const revoked = await callApi(deps, "task.list", {}, { token, clientAddress: "203.0.113.10" });
    expect(revoked.status).toBe(401);
    expect(revoked.error?.message).toBe("The API token has been revoked.");

    const expired = await apiTokenFor(deps.db, other, "READ", { expiresAt: new Date(Date.now() - 1000) });
    const response = await callApi(deps, "task.list", {}, { token: expired, clientAddress: "203.0.113.11" });
    expect(response.status).toBe(401);
    expect(response.error?.message).toBe("The API token has expired.");
  });

  it("belong to their owner: nobody else can revoke them", async () => {
    const created = await callApi<{ id: string }>(deps, "token.create", { name: "mine", scope: "READ" }, { cookie: cookie(member) });
    const response = await callApi(deps, "token.revoke", { id: created.data!.id }, { cookie: cookie(owner) });
    expect(response.status).toBe(404);
  });
});

describe("CSRF", () => {
  const mutate = (origin: string | null) => callApi(deps, "invitation.create", { email: "csrf@example.test" }, { cookie: cookie(owner), origin });

  it("refuses a cookie-authenticated mutation from another origin", async () => {
    const response = await mutate("https://evil.example");
    expect(response.status).toBe(403);
    expect(response.error?.message).toMatch(/cross-origin request from https:\/\/evil\.example/);
  });

  it("refuses Origin: null and a missing Origin", async () => {
    expect((await mutate("null")).error?.message).toMatch(/Origin: null/);
    expect((await mutate(null)).status).toBe(403);
    expect(await deps.db.invitation.count({ where: { email: "csrf@example.test" } })).toBe(0);
  });

  it("lets same-origin mutations and token-authenticated calls through", async () => {
    expect((await mutate(TEST_ORIGIN)).status).toBe(200);
    const token = await apiTokenFor(deps.db, owner, "WRITE");
    const response = await callApi(deps, "invitation.create", { email: "csrf@example.test" }, { token, origin: null });
    expect(response.status).toBe(200);
  });
});

describe("rate limits", () => {
  it("answer task creation past the per-user budget with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await callApi(deps, "task.create", { prompt: `task ${i} [sim:instant]` }, { cookie: cookie(other) });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.error?.message).toMatch(/Too many tasks: at most 3 a minute per user\. Try again in \d+ s\./);
    // Someone else's budget is their own.
    expect((await callApi(deps, "task.create", { prompt: "mine [sim:instant]" }, { cookie: cookie(member) })).status).toBe(200);
  });

  it("lock an address out after failed token attempts, even for a valid token", async () => {
    const address = "192.0.2.44";
    const valid = await apiTokenFor(deps.db, member, "READ");
    for (let i = 0; i < 3; i++) {
      const response = await callApi(deps, "task.list", {}, { token: `baton_${"x".repeat(32)}`, clientAddress: address });
      expect(response.status).toBe(401);
    }
    const locked = await callApi(deps, "task.list", {}, { token: valid, clientAddress: address });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.error?.message).toMatch(/Too many failed API-token attempts/);
    expect((await callApi(deps, "task.list", {}, { token: valid, clientAddress: "192.0.2.45" })).status).toBe(200);
  });
});

describe("task ownership", () => {
  it("members cancel their own tasks; only admins cancel anyone's", async () => {
    const mine = await deps.db.task.create({ data: { title: "t", prompt: "p", status: "RUNNING", createdById: member.id } });
    const theirs = await deps.db.task.create({ data: { title: "t", prompt: "p", status: "RUNNING", createdById: other.id } });
    const refused = await callApi(deps, "task.cancel", { id: theirs.id }, { cookie: cookie(member) });
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toBe("Only admins can cancel a task someone else created.");
    expect((await callApi(deps, "task.cancel", { id: mine.id }, { cookie: cookie(member) })).status).toBe(200);
    expect((await callApi(deps, "task.cancel", { id: theirs.id }, { cookie: cookie(admin) })).status).toBe(200);
    const cancelled = await deps.db.task.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", statusReason: `Cancelled by ${admin.email}.` });
  });
});

describe("members and invitations", () => {
  let target: TestUser;
  beforeEach(async () => {
    target = await createUser(deps.db, "MEMBER");
  });

  it("admins manage members and viewers; only owners grant admin", async () => {
    expect((await callApi(deps, "member.setRole", { userId: target.id, role: "VIEWER" }, { cookie: cookie(admin) })).status).toBe(200);
    const promote = await callApi(deps, "member.setRole", { userId: target.id, role: "ADMIN" }, { cookie: cookie(admin) });
    expect(promote.status).toBe(403);
    expect(promote.error?.message).toMatch(/Only an owner can grant/);
    expect((await callApi(deps, "member.setRole", { userId: target.id, role: "ADMIN" }, { cookie: cookie(owner) })).status).toBe(200);
    expect((await callApi(deps, "member.setDisabled", { userId: target.id, disabled: true }, { cookie: cookie(admin) })).status).toBe(403);
    expect((await deps.db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("ADMIN");
    const audit = await deps.db.auditEvent.findMany({ where: { action: "member.role_changed", targetId: target.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.data)).toEqual([
      { email: target.email, from: "MEMBER", to: "VIEWER" },
      { email: target.email, from: "VIEWER", to: "ADMIN" },
    ]);
  });

  it("nobody changes their own role", async () => {
    const response = await callApi(deps, "member.setRole", { userId: owner.id, role: "MEMBER" }, { cookie: cookie(owner) });
    expect(response.status).toBe(403);
    expect(response.error?.message).toMatch(/cannot change the role of yourself/);
  });

  it("removing a member ends their sessions and refuses their tokens", async () => {
    const targetCookie = await sessionCookieFor(deps.db, target);
    const token = await apiTokenFor(deps.db, target, "WRITE");
    expect((await callApi(deps, "member.setDisabled", { userId: target.id, disabled: true }, { cookie: cookie(admin) })).status).toBe(200);
    expect((await callApi(deps, "task.list", {}, { cookie: targetCookie })).status).toBe(401);
    const response = await callApi(deps, "task.list", {}, { token, clientAddress: "198.51.100.99" });
    expect(response.error?.message).toMatch(/removed from the team/);
  });

  it("invitations: admins invite members, only owners invite admins, members are refused", async () => {
    expect((await callApi(deps, "invitation.create", { email: "New.Person@Example.test" }, { cookie: cookie(admin) })).status).toBe(200);
    expect(await deps.db.invitation.findUnique({ where: { email: "new.person@example.test" } })).toMatchObject({ role: "MEMBER" });
    expect((await callApi(deps, "invitation.create", { email: "boss@example.test", role: "ADMIN" }, { cookie: cookie(admin) })).status).toBe(403);
    expect((await callApi(deps, "invitation.create", { email: "boss@example.test", role: "ADMIN" }, { cookie: cookie(owner) })).status).toBe(200);
    expect((await callApi(deps, "invitation.create", { email: "x@example.test" }, { cookie: cookie(member) })).status).toBe(403);
    const existing = await callApi(deps, "invitation.create", { email: target.email }, { cookie: cookie(admin) });
    expect(existing.status).toBe(409);
    expect(existing.error?.message).toMatch(/already a member/);
    const invalid = await callApi(deps, "invitation.create", { email: "not-an-address" }, { cookie: cookie(admin) });
    expect(invalid.status).toBe(400);
    expect(invalid.error?.message).toBe("email: is not an e-mail address");
  });
});
