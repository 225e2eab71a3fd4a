// Member changes against the real database: the team keeps an owner even when two owners demote
// or remove each other at the same moment, and an admin cannot rewrite an owner's invitation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../auth/actor";
import { createTestDeps, resetData } from "../../testing/test-deps";
import { createUser, type TestUser } from "../../testing/test-users";
import { createInvitation, setMemberDisabled, setMemberRole } from "./members";

const deps = createTestDeps("members");
beforeAll(() => resetData(deps));
afterAll(() => deps.close());

const actorOf = (user: TestUser): Actor => ({ userId: user.id, email: user.email, role: "OWNER", via: "session" });
const activeOwners = () => deps.db.user.count({ where: { role: "OWNER", disabledAt: null } });

describe("the last owner", () => {
  it.each([
    ["demote", (actor: Actor, other: TestUser) => setMemberRole(deps.db, actor, { userId: other.id, role: "MEMBER" })],
    ["remove", (actor: Actor, other: TestUser) => setMemberDisabled(deps.db, actor, { userId: other.id, disabled: true })],
  ])("stays when two owners %s each other at once: one change goes through, the other is refused", async (_, change) => {
    await deps.db.user.updateMany({ where: { role: "OWNER" }, data: { role: "MEMBER" } });
    const [a, b] = [await createUser(deps.db, "OWNER"), await createUser(deps.db, "OWNER")];
    const results = await Promise.allSettled([change(actorOf(a), b), change(actorOf(b), a)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason.message).toBe("The team needs at least one owner; make someone else an owner first.");
    expect(await activeOwners()).toBe(1);
  });
});

describe("invitations", () => {
  it("let an admin invite again as a member only what is not a pending admin or owner invitation", async () => {
    const owner = await createUser(deps.db, "OWNER");
    const admin = await createUser(deps.db, "ADMIN");
    const asAdmin: Actor = { userId: admin.id, email: admin.email, role: "ADMIN", via: "session" };
    const invite = (actor: Actor, email: string, role: "MEMBER" | "ADMIN") => createInvitation(deps.db, actor, { email, role, expiresInDays: 14 });
    await invite(actorOf(owner), "future-admin@example.test", "ADMIN");
    await expect(invite(asAdmin, "future-admin@example.test", "MEMBER")).rejects.toThrow("future-admin@example.test has a pending invitation as admin; only an owner can change it.");
    expect((await deps.db.invitation.findUniqueOrThrow({ where: { email: "future-admin@example.test" } })).role).toBe("ADMIN");
    await invite(asAdmin, "future-member@example.test", "MEMBER");
    await expect(invite(asAdmin, "future-member@example.test", "MEMBER")).resolves.toMatchObject({ role: "MEMBER" });
  });
});
