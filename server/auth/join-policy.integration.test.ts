// Who may join: the first person becomes the owner (exactly one, even when two sign in at
// once), invitations give their role once, allowed domains give member, everyone else is refused.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDeps, resetData } from "../testing/test-deps";
import { authenticate } from "./authenticate";
import { devLogin } from "./dev-login";
import { admitUser, decideJoin, NotInvitedError } from "./join-policy";

const deps = createTestDeps("join");
beforeEach(() => resetData(deps));
afterAll(() => deps.close());

const DOMAINS = ["example.test"];

describe("join policy", () => {
  it("makes exactly one owner when the first two people sign in at the same moment", async () => {
    const users = await Promise.all([admitUser(deps.db, { email: "a@example.test" }, DOMAINS), admitUser(deps.db, { email: "b@example.test" }, DOMAINS)]);
    expect(users.map((u) => u.role).sort()).toEqual(["MEMBER", "OWNER"]);
    const joined = await deps.db.auditEvent.findMany({ where: { action: "member.joined" } });
    expect(joined.map((e) => (e.data as { via: string }).via).sort()).toEqual(["allowed domain", "first user"]);
  });

  it("admits an invited address with the invitation's role, once", async () => {
    await admitUser(deps.db, { email: "owner@corp.test" }, DOMAINS);
    await deps.db.invitation.create({ data: { email: "guest@elsewhere.test", role: "VIEWER", expiresAt: new Date(Date.now() + 60_000) } });
    const guest = await admitUser(deps.db, { email: "Guest@Elsewhere.test", name: "Guest" }, DOMAINS);
    expect(guest).toMatchObject({ email: "guest@elsewhere.test", role: "VIEWER" });
    expect((await deps.db.invitation.findUniqueOrThrow({ where: { email: "guest@elsewhere.test" } })).acceptedAt).not.toBeNull();
    // Signing in again finds the same user; it does not create another.
    expect((await admitUser(deps.db, { email: "guest@elsewhere.test" }, DOMAINS)).id).toBe(guest.id);
  });

  it("refuses addresses without an invitation or an allowed domain, and expired invitations", async () => {
    await admitUser(deps.db, { email: "owner@example.test" }, DOMAINS);
    await deps.db.invitation.create({ data: { email: "late@elsewhere.test", expiresAt: new Date(Date.now() - 1000) } });
    expect(await decideJoin(deps.db, "late@elsewhere.test", DOMAINS)).toEqual({ allowed: false, reason: "not_invited" });
    await expect(admitUser(deps.db, { email: "mallory@elsewhere.test" }, DOMAINS)).rejects.toBeInstanceOf(NotInvitedError);
    // A look-alike domain is not the allowed domain.
    expect((await decideJoin(deps.db, "eve@notexample.test", DOMAINS)).allowed).toBe(false);
    expect(await deps.db.user.count()).toBe(1);
  });

  it("refuses a removed member", async () => {
    const owner = await admitUser(deps.db, { email: "owner@example.test" }, DOMAINS);
    const member = await admitUser(deps.db, { email: "m@example.test" }, DOMAINS);
    await deps.db.user.update({ where: { id: member.id }, data: { disabledAt: new Date() } });
    expect(await decideJoin(deps.db, "m@example.test", DOMAINS)).toEqual({ allowed: false, reason: "disabled" });
    expect(owner.role).toBe("OWNER");
  });
});

describe("development sign-in", () => {
  it("follows the join policy and writes a session the rest of Baton accepts", async () => {
    const first = await devLogin(deps.db, "dev@localhost.test", []);
    expect(first.ok).toBe(true);
    const outcome = await authenticate(deps.db, { sessionToken: first.ok ? first.sessionToken : "" });
    expect(outcome).toMatchObject({ kind: "authenticated", actor: { email: "dev@localhost.test", role: "OWNER", via: "session" } });

    expect(await devLogin(deps.db, "stranger@localhost.test", [])).toEqual({ ok: false, reason: "not-invited" });
    const actions = (await deps.db.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["member.joined", "auth.signed_in", "auth.refused"]);
  });
});
