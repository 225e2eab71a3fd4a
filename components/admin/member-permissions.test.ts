// The members page offers admins only what the server lets them do.
import { describe, expect, it } from "vitest";
import { canGrant, memberLockReason } from "./member-permissions";

const owner = { userId: "u-owner", role: "OWNER" as const };
const admin = { userId: "u-admin", role: "ADMIN" as const };

describe("canGrant", () => {
  it("lets owners grant every role and admins only member and viewer", () => {
    expect(["VIEWER", "MEMBER", "ADMIN", "OWNER"].every((role) => canGrant(owner, role as "VIEWER"))).toBe(true);
    expect(canGrant(admin, "MEMBER")).toBe(true);
    expect(canGrant(admin, "VIEWER")).toBe(true);
    expect(canGrant(admin, "ADMIN")).toBe(false);
    expect(canGrant(admin, "OWNER")).toBe(false);
  });
});

describe("memberLockReason", () => {
  it("locks your own row", () => {
    expect(memberLockReason(owner, { id: "u-owner", role: "OWNER" })).toMatch(/your own role/);
  });

  it("locks admins and owners for admins but not for owners", () => {
    expect(memberLockReason(admin, { id: "u-2", role: "ADMIN" })).toMatch(/Only an owner/);
    expect(memberLockReason(admin, { id: "u-3", role: "MEMBER" })).toBeNull();
    expect(memberLockReason(owner, { id: "u-2", role: "ADMIN" })).toBeNull();
  });
});
