// Sign-in through a real OpenID Connect provider in Chromium: the whole authorization-code
// flow, the first user becoming the owner, a refused domain, and pages closed to the signed-out.
import { expect, test } from "@playwright/test";
import { OWNER_EMAIL, OWNER_STATE, signIn } from "./support/sign-in";

test("the OAuth authorization-code flow ends signed in; the first user is the owner", async ({ page }, testInfo) => {
  await signIn(page, OWNER_EMAIL);
  await expect(page.getByTestId("signed-in-user")).toContainText("Owner");
  await expect(page.getByRole("link", { name: "Members" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("signed-in.png"), fullPage: true });
  await page.context().storageState({ path: OWNER_STATE });
});

test("signing out ends the session for every request", async ({ page }) => {
  await signIn(page, OWNER_EMAIL);
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/trpc/task.list")).status()).toBe(401);
});

test("a signed-out visitor is sent to sign-in, and returns to the page they asked for", async ({ page }, testInfo) => {
  await page.goto("/agents");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fagents$/);
  await expect(page.getByRole("button", { name: "Continue with Test SSO" })).toBeVisible();
  await expect(page.getByText("Development sign-in is on")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("sign-in.png"), fullPage: true });

  const api = await page.request.get("/api/trpc/task.list");
  expect(api.status()).toBe(401);

  await signIn(page, OWNER_EMAIL, { from: "/agents" });
  await expect(page).toHaveURL(/\/agents$/);
});

test("someone from an allowed domain joins as a member", async ({ page }) => {
  await signIn(page, "member@example.test");
  await expect(page.getByTestId("signed-in-user")).toContainText("Member");
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  await page.goto("/admin/members");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("someone from a domain that is not allowed is refused", async ({ page }, testInfo) => {
  await signIn(page, "mallory@elsewhere.test", { expectSignedIn: false });
  await expect(page.getByTestId("not-invited")).toContainText("not invited");
  await page.screenshot({ path: testInfo.outputPath("not-invited.png"), fullPage: true });
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("an address the provider does not vouch for is refused, even in an allowed domain", async ({ page }, testInfo) => {
  // The issuer says the address is not verified, and then says nothing about it: both are refused.
  for (const email of ["unverified.dana@example.test", "unvouched.erin@example.test"]) {
    await signIn(page, email, { expectSignedIn: false });
    await expect(page.getByTestId("not-invited")).toContainText("not verified");
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  }
  await page.goto("/not-invited?reason=unverified");
  await page.screenshot({ path: testInfo.outputPath("unverified.png"), fullPage: true });
});
