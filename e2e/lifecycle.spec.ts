import { expect, test } from "@playwright/test";
import { createTenantFromSelector, joinAs, linkMailedTo, signIn, uniqueEmail } from "./helpers";

test("an owner exports a workspace, deletes it (its member loses access and is told), and restores it", async ({ page, browser }) => {
  await signIn(page, uniqueEmail("closer"));
  const name = `Doomed ${Date.now().toString(36)}`;
  await createTenantFromSelector(page, name);
  await page.waitForURL(/\/t\/doomed-[a-z0-9]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const member = await joinAs(page, browser, slug, "Member", "staying");

  // Export: asked for, prepared in the background, then downloadable from the same page.
  await page.goto(`/t/${slug}/settings`);
  await page.getByRole("button", { name: "Export workspace data" }).click();
  await expect(page.getByRole("status").filter({ hasText: "We're preparing it" })).toBeVisible();
  const exports = page.getByRole("list", { name: "Exports" });
  await expect(exports.getByRole("link", { name: "Download" })).toBeVisible({ timeout: 20_000 });
  const download = page.waitForEvent("download");
  await exports.getByRole("link", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^${slug}-export-.*\\.zip$`));

  // Delete: the button waits for the exact name.
  const danger = page.getByRole("button", { name: "Delete this workspace" });
  await expect(danger).toBeDisabled();
  await page.getByLabel(`Type “${name}” to confirm`).fill(name.toUpperCase());
  await expect(danger).toBeDisabled();
  await page.getByLabel(`Type “${name}” to confirm`).fill(name);
  await danger.click();
  await expect(page).toHaveURL(/\/account\?deleted=1/);
  await expect(page.getByRole("status").filter({ hasText: "The workspace was deleted" })).toBeVisible();
  const deleted = page.locator("#deleted-workspaces");
  await expect(deleted.getByText(name)).toBeVisible();

  // The member is out at once, and was mailed.
  await member.page.goto(`/t/${slug}`);
  await expect(member.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(await linkMailedTo(member.page, member.email, `${name} was deleted`)).toContain("/account");

  // Restore: back in, on Free, and the member's access with it.
  await deleted.getByRole("button", { name: `Restore ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}\\?restored=1$`));
  await expect(page.getByRole("status").filter({ hasText: `${name} is restored` })).toBeVisible();
  await member.page.goto(`/t/${slug}`);
  await expect(member.page.getByRole("heading", { level: 1, name })).toBeVisible();
  await member.context.close();
});

test("a user deletes their account and is signed out everywhere", async ({ page, browser }) => {
  const email = uniqueEmail("leaver");
  await signIn(page, email);
  const other = await browser.newContext();
  const otherDevice = await other.newPage();
  await signIn(otherDevice, email);

  await page.goto("/account");
  const confirm = page.getByLabel(`Type ${email} to confirm`);
  await confirm.fill("not-me@example.test");
  await expect(page.getByRole("button", { name: "Delete my account" })).toBeDisabled();
  await confirm.fill(email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your account was deleted" })).toBeVisible();

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await otherDevice.goto("/account");
  await expect(otherDevice).toHaveURL(/\/sign-in\?callbackUrl=/);
  await other.close();
});
