// The permission matrix, checked against the router: every procedure has a rule, and every role
// (signed in, and through read and write API tokens) is allowed or refused exactly as the matrix
// says. Calls go through the real HTTP handler with `{}` as input, so an allowed call stops at
// input validation (or answers) and a refused one stops at the access check; nothing is changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRuleFor, PROCEDURE_RULES, type AccessRule } from "../auth/permissions";
import { capRoleByScope, hasRole, ROLES } from "../auth/roles";
import type { ApiTokenScope, Role } from "../db/create-prisma";
import { callApi } from "../testing/call-api";
import { createTestDeps, resetData } from "../testing/test-deps";
import { apiTokenFor, createUser, sessionCookieFor } from "../testing/test-users";
import { appRouter } from "./root";

const deps = createTestDeps("permissions");
const procedures = Object.keys(appRouter._def.procedures).sort();

type Credential = { role: Role; via: "session" | ApiTokenScope; cookie?: string; token?: string };
const credentials: Credential[] = [];

beforeAll(async () => {
  await resetData(deps);
  for (const role of ROLES) {
    const user = await createUser(deps.db, role);
    credentials.push({ role, via: "session", cookie: await sessionCookieFor(deps.db, user) });
    for (const scope of ["READ", "WRITE"] as const) credentials.push({ role, via: scope, token: await apiTokenFor(deps.db, user, scope) });
  }
});
afterAll(() => deps.close());

function expectedAllowed(rule: AccessRule, credential: Credential): boolean {
  if (credential.via === "session") return hasRole(credential.role, rule.role);
  return !rule.sessionOnly && hasRole(capRoleByScope(credential.role, credential.via), rule.role);
}

describe("permission matrix", () => {
  it("has a rule for every procedure and a procedure for every rule", () => {
    expect(procedures.filter((path) => !accessRuleFor(path))).toEqual([]);
    expect(Object.keys(PROCEDURE_RULES).sort()).toEqual(procedures);
  });

  for (const path of procedures) {
    it(`${path}: every role, by session and by token`, async () => {
      const rule = accessRuleFor(path)!;
      const outcomes = await Promise.all(
        credentials.map(async (credential) => {
          const response = await callApi(deps, path, {}, { cookie: credential.cookie, token: credential.token });
          return { who: `${credential.role} via ${credential.via}`, status: response.status, message: response.error?.message ?? "" };
        }),
      );
      for (const [index, outcome] of outcomes.entries()) {
        const allowed = expectedAllowed(rule, credentials[index]!);
        if (allowed) {
          expect([401, 403], `${outcome.who} should reach ${path}: ${outcome.message}`).not.toContain(outcome.status);
        } else {
          expect(outcome.status, `${outcome.who} should be refused ${path}`).toBe(403);
          expect(outcome.message).toMatch(/needs the \w+ role or higher|only available when signed in/);
        }
      }
    });
  }

  it("refuses every procedure to a caller with no credentials", async () => {
    for (const path of procedures) {
      const response = await callApi(deps, path, {});
      expect(response.status, path).toBe(401);
    }
  });
});
