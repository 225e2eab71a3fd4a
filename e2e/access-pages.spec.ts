// Access management in Chromium as the owner: an API token shown once and then revoked, an
// invitation someone signs in with, a role change, and all of it on the audit page.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";

const OWNER = "owner@example.test";

function auditRow(page: Page, action: string, text: string) {
  return page.locator(`[data-testid="audit-row"][data-action="${action}"]`).filter({ hasText: text });
}

test("an owner manages tokens, invitations and roles, and the audit log records it", async ({ page, browser, playwright }, testInfo) => {
  // Unique per run, so the spec also passes against a database that has seen it before.
  const run = Date.now().toString(36);
  const tokenName = `e2e deploy ${run}`;
  // Outside the allowed e-mail domain: only the invitation lets this person in.
  const invitee = `invitee-${run}@partner.test`;
  await signIn(page, OWNER);
  // No cookies here: the API calls below authenticate with the token alone.
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const callAsToken = (secret: string) => api.get("/api/trpc/account.me", { headers: { Authorization: `Bearer ${secret}` } });

  await test.step("a new token is shown once, then listed only by its prefix", async () => {
    await page.goto("/settings/tokens");
    await page.getByLabel("Name").fill(tokenName);
    await page.getByLabel("Access").selectOption("WRITE");
    await page.getByRole("button", { name: "Create token" }).click();

    const secret = await page.getByTestId("new-token-value").inputValue();
    expect(secret).toMatch(/^baton_[A-Za-z0-9_-]{32}$/);
    await expect(page.getByTestId("new-token")).toContainText("you won’t see it again");
    const row = page.getByTestId("token-row").filter({ hasText: tokenName });
    await expect(row.getByTestId("token-prefix")).toHaveText(`${secret.slice(0, 12)}…`);
    await expect(row).not.toContainText(secret);
    await page.screenshot({ path: testInfo.outputPath("token-created.png"), fullPage: true });

    const me = await callAsToken(secret);
    expect(me.status()).toBe(200);
    expect(await me.text()).toContain(OWNER);

    await page.reload();
    await expect(row).toBeVisible();
    await expect(row.getByTestId("token-last-used")).not.toHaveText("never");
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(secret);

    await test.step("revoking asks first, then the token stops working", async () => {
      await row.getByRole("button", { name: `Revoke ${tokenName}` }).click();
      await row.getByRole("button", { name: "Revoke token" }).click();
      await expect(row).toHaveAttribute("data-status", "revoked");
      await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
      expect((await callAsToken(secret)).status()).toBe(401);
    });
  });

  await api.dispose();

  await test.step("an invited person signs in as a member", async () => {
    await page.goto("/admin/members");
    await page.getByLabel("E-mail").fill(invitee);
    await expect(page.getByLabel("Role", { exact: true })).toHaveValue("MEMBER");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    const invitation = page.locator(`[data-testid="invitation-row"][data-email="${invitee}"]`);
    await expect(invitation).toHaveAttribute("data-status", "pending");

    const inviteeContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    await signIn(await inviteeContext.newPage(), invitee);
    await inviteeContext.close();

    await page.reload();
    await expect(invitation).toHaveAttribute("data-status", "accepted");
    await expect(page.getByLabel(`Role of ${invitee}`)).toHaveValue("MEMBER");
  });

  await test.step("the owner makes the new member a viewer", async () => {
    // Picking a role in the menu changes nothing until it is confirmed (arrowing through the menu
    // would otherwise save each role it passes); the page is loaded again once the server has answered.
    let requests = 0;
    page.on("request", (request) => void (request.url().includes("member.setRole") && requests++));
    await page.getByLabel(`Role of ${invitee}`).selectOption("ADMIN");
    await page.getByLabel(`Role of ${invitee}`).selectOption("VIEWER");
    const change = page.getByRole("group", { name: `Confirm the new role for ${invitee}` });
    await expect(change.getByRole("button", { name: "Keep member" })).toBeVisible();
    expect(requests).toBe(0);
    const saved = page.waitForResponse((response) => response.url().includes("member.setRole") && response.ok());
    await change.getByRole("button", { name: "Make viewer" }).click();
    await saved;
    await expect(change).toBeHidden();
    expect(requests).toBe(1);
    await page.reload();
    await expect(page.getByLabel(`Role of ${invitee}`)).toHaveValue("VIEWER");
    // The owner's own row offers no role menu and no remove button.
    const own = page.locator(`[data-testid="member-row"][data-email="${OWNER}"]`);
    await expect(own.getByRole("combobox")).toHaveCount(0);
    await expect(own.getByRole("button")).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("members.png"), fullPage: true });
  });

  await test.step("the audit log shows each change", async () => {
    await page.goto("/admin/audit");
    await expect(auditRow(page, "api_token.created", tokenName)).toContainText("write access");
    await expect(auditRow(page, "api_token.revoked", tokenName)).toContainText(OWNER);
    await expect(auditRow(page, "invitation.created", invitee)).toContainText("as Member");
    await expect(auditRow(page, "member.joined", invitee)).toContainText("via invitation");
    await expect(auditRow(page, "member.role_changed", invitee)).toContainText("Member → Viewer");
    await page.screenshot({ path: testInfo.outputPath("audit.png"), fullPage: true });

    await page.getByLabel("Action").selectOption("member.role_changed");
    await expect(page).toHaveURL(/action=member\.role_changed/);
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    await expect(page.locator('[data-testid="audit-row"]:not([data-action="member.role_changed"])')).toHaveCount(0);
  });
});
