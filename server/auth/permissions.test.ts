// The permission matrix's invariants, and the README's copy of it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPermissionTable } from "./permission-docs";
import { ABILITY_ROLES, accessRuleFor, can, PROCEDURE_RULES, renderPermissionTable } from "./permissions";
import { capRoleByScope, ROLES } from "./roles";

describe("permission matrix", () => {
  it("is what the README shows (run `npm run docs:permissions` after changing it)", () => {
    expect(extractPermissionTable(fs.readFileSync("README.md", "utf8"))).toBe(renderPermissionTable());
  });

  it("grants each stronger role everything a weaker one has", () => {
    for (const required of [...ROLES, ...Object.keys(ABILITY_ROLES)] as Parameters<typeof can>[1][]) {
      const granted = ROLES.map((role) => can(role, required));
      expect(granted).toEqual([...granted].sort((a, b) => Number(a) - Number(b)));
    }
  });

  it("has no rule for unknown or inherited paths", () => {
    expect(accessRuleFor("task.delete")).toBeUndefined();
    expect(accessRuleFor("toString")).toBeUndefined();
    expect(accessRuleFor("constructor")).toBeUndefined();
  });

  it("keeps token management to signed-in browsers", () => {
    const sessionOnly = Object.entries(PROCEDURE_RULES).filter(([, rule]) => "sessionOnly" in rule).map(([path]) => path);
    expect(sessionOnly.sort()).toEqual(["token.create", "token.list", "token.revoke"]);
  });

  it("caps a read token at viewer and leaves a write token at the owner's role", () => {
    expect(ROLES.map((role) => capRoleByScope(role, "READ"))).toEqual(["VIEWER", "VIEWER", "VIEWER", "VIEWER"]);
    expect(ROLES.map((role) => capRoleByScope(role, "WRITE"))).toEqual([...ROLES]);
  });
});
