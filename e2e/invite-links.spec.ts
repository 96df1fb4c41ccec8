import { expect, test, type Page } from "@playwright/test";
import { openMagicLink, signIn, uniqueEmail } from "./helpers";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

test("an owner shares an invite link; someone signed out opens it, signs in and joins; the owner sees the use", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const ownerEmail = uniqueEmail("lina");
  const slug = await signIn(page, ownerEmail);
  const tenantName = `${ownerEmail.split("@")[0]}'s workspace`;

  // The owner makes a Member link for at most three people.
  await page.goto(`/t/${slug}/members`);
  await expect(page.getByRole("heading", { name: "Invite links" })).toBeVisible();
  await expect(page.getByText("No invite links yet.")).toBeVisible();
  await page.getByLabel("Joins as").selectOption({ label: "Member" });
  await expect(page.getByLabel("Expires")).toHaveValue("7");
  await page.getByLabel("Uses allowed").fill("3");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByText("Copy it now: it is not shown again.")).toBeVisible();

  const input = page.getByLabel("Invite link", { exact: true });
  const url = await input.inputValue();
  expect(url).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByLabel("Invite link", { exact: true })).toHaveCount(0);
  const row = page.getByTestId("invite-link-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("0 of 3 uses");
  await expect(row.getByTestId("invite-link-status")).toHaveText("Live");
  // Shown once: the page, reloaded, does not have it.
  await page.reload();
  await expect(page.getByText(url)).toHaveCount(0);
  expect(await page.content()).not.toContain(new URL(url).pathname);

  await signOut(page);

  // Someone else, in the same browser, signed out, opens the link.
  const joinerEmail = uniqueEmail("jonas");
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: `Join ${tenantName}` })).toBeVisible();
  await expect(page.getByText(`invites you to join the workspace ${tenantName}`)).toBeVisible();
  await page.getByLabel("Email").fill(joinerEmail);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await openMagicLink(page, joinerEmail);

  // Back on the link, signed in: one button to join.
  await expect(page).toHaveURL(url);
  await page.getByRole("button", { name: `Join ${tenantName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}$`));
  await expect(page.getByText(`Welcome to ${tenantName}.`)).toBeVisible();

  // Opening the link again as a member offers the workspace, not another join.
  await page.goto(url);
  await expect(page.getByRole("link", { name: `Open ${tenantName}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Join ${tenantName}` })).toHaveCount(0);
  await context.close();

  // The owner, back: one use of three, and the join in the activity log.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, ownerEmail);
  await owner.goto(`/t/${slug}/members`);
  await expect(owner.getByTestId("member-row").filter({ hasText: joinerEmail })).toBeVisible();
  await expect(owner.getByTestId("invite-link-row")).toContainText("1 of 3 uses");
  await owner.goto(`/t/${slug}/activity`);
  await expect(owner.getByTestId("activity-entry").filter({ hasText: "used an invite link (use 1 of 3)" }).first()).toContainText(joinerEmail);
  await expect(owner.getByTestId("activity-entry").filter({ hasText: "joined as Member through an invite link" }).first()).toContainText(joinerEmail);
  await ownerContext.close();
});

test("a link that does not work is the same 404 page whatever the reason", async ({ page }) => {
  const response = await page.goto(`/join/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Invite link not valid" })).toBeVisible();
});
