// Signs a browser page in through the real OAuth authorization-code flow: Baton's sign-in page,
// the test OIDC provider's login and consent screens, and back to Baton with a session.
import { expect, type Page } from "@playwright/test";

export const OIDC_PROVIDER_NAME = "Test SSO";
/** The first person to sign in (so the owner); every dashboard test starts signed in as them. */
export const OWNER_EMAIL = "owner@example.test";
export const OWNER_STATE = "test-results/.auth/owner.json";

/**
 * Signs the page's browser context in as `email`, replacing whoever was signed in there. Ends on
 * a Baton page: signed in (checked) or, with `expectSignedIn: false`, refused.
 */
export async function signIn(page: Page, email: string, { expectSignedIn = true, from = "/signin" } = {}): Promise<void> {
  await page.context().clearCookies();
  await page.goto(from);
  await page.getByRole("button", { name: `Continue with ${OIDC_PROVIDER_NAME}` }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();

  // The provider asks for consent the first time an account authorizes Baton in a browser.
  const consent = page.getByRole("button", { name: "Continue" });
  const backAtBaton = page.getByTestId("signed-in-user").or(page.getByTestId("not-invited"));
  await expect(consent.or(backAtBaton)).toBeVisible();
  if (await consent.isVisible()) await consent.click();
  await expect(backAtBaton).toBeVisible();
  if (expectSignedIn) await expect(page.getByTestId("signed-in-user")).toContainText(email);
}
