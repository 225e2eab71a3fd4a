// Agent profiles in Chromium: the owner creates one through the form (after one submit names
// every problem at once, and the server refuses max agents below min), edits it, and a member is
// refused the page.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test("an admin creates and edits an agent profile; a member may not open the page", async ({ page, browser }, testInfo) => {
  // Unique per run, so the spec also passes against a database that has seen it before.
  const name = `reviewer-${Date.now().toString(36)}`;
  const row = page.locator(`[data-testid="profile-row"][data-name="${name}"]`);

  await test.step("a new profile is refused while max agents is below min, then saved", async () => {
    await page.goto("/admin/profiles");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profiles" }).click();
    await page.getByRole("link", { name: "New profile" }).first().click();
    await expect(page).toHaveURL(/\/admin\/profiles\/new$/);

    // One submit names every problem: the server's, and a number the form could not read.
    await page.getByLabel("Name").fill("Bad Name!");
    await page.getByLabel("Max turns").fill("1.5");
    await page.getByRole("button", { name: "Create profile" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "The profile was not saved" });
    await expect(refusal).toContainText("use 2–40 lowercase letters");
    await expect(refusal).toContainText('"1.5" is not a whole number');
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Max turns").fill("12");

    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Description").fill("Reviews changes and reports problems; does not edit files.");
    await page.getByLabel("Capabilities").fill("read, review");
    await expect(page.getByLabel("Model", { exact: true })).toHaveAttribute("placeholder", "default model");
    await page.getByLabel("System prompt").fill("You review the work of other agents and report what is wrong, precisely.");
    await page.getByRole("checkbox", { name: "run_command" }).check();
    await page.getByLabel("Approval mode").selectOption("COMMANDS");
    await page.getByLabel("Min agents").fill("3");
    await page.getByLabel("Max agents").fill("1");
    await page.getByRole("button", { name: "Create profile" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "The profile was not saved" })).toContainText("Max agents: must be at least the minimum number of agents");
    await expect(page.getByLabel("Max agents")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Max agents")).toHaveAccessibleDescription(/must be at least the minimum number of agents/);
    await page.screenshot({ path: testInfo.outputPath("profile-refused.png"), fullPage: true });

    // Few agents: the test's daemon should not start processes nobody needs.
    await page.getByLabel("Min agents").fill("0");
    await page.getByLabel("Max agents").fill("1");
    await page.getByRole("button", { name: "Create profile" }).click();

    await expect(page).toHaveURL(/\/admin\/profiles$/);
    await expect(page.getByRole("status").filter({ hasText: `Created “${name}”` })).toBeVisible();
    await expect(row).toContainText("review");
    await expect(row).toContainText("Commands");
    await expect(row).toContainText("0–1");
  });

  await test.step("its description is edited", async () => {
    await row.getByRole("link", { name: `Edit ${name}` }).click();
    await expect(page.getByRole("heading", { name: `Edit profile “${name}”` })).toBeVisible();
    await expect(page.getByLabel("Capabilities")).toHaveValue("read, review");
    await expect(page.getByRole("checkbox", { name: "run_command" })).toBeChecked();
    await page.getByLabel("Description").fill("Reviews diffs and test output; never edits files.");
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page).toHaveURL(/\/admin\/profiles$/);
    await expect(page.getByRole("status").filter({ hasText: `Saved “${name}”` })).toBeVisible();
    await expect(row).toContainText("Reviews diffs and test output; never edits files.");
  });

  await test.step("a member gets the 403 page and no Profiles link", async () => {
    const memberContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const member = await memberContext.newPage();
    await signIn(member, "member2@example.test");
    await expect(member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profiles" })).toHaveCount(0);
    const response = await member.goto("/admin/profiles");
    expect(response?.status()).toBe(403);
    await expect(member.getByTestId("forbidden")).toBeVisible();
    await memberContext.close();
  });
});
