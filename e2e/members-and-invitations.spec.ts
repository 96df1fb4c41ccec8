import { expect, test, type Page } from "@playwright/test";
import { changeRole, linkMailedTo, memberMenu, openMagicLink, openTenantSelector, signIn, uniqueEmail } from "./helpers";

async function invite(page: Page, slug: string, email: string, role: string) {
  await page.goto(`/t/${slug}/members`);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Role").selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` })).toBeVisible();
}

test("an owner invites a new address; the invitee joins from the email; the owner changes their role and removes them", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const ownerEmail = uniqueEmail("olga");
  const slug = await signIn(owner, ownerEmail);
  const tenantName = `${ownerEmail.split("@")[0]}'s workspace`;
  const inviteeEmail = uniqueEmail("ivan");

  await invite(owner, slug, inviteeEmail, "Member");
  await expect(owner.getByTestId("invitation-row").filter({ hasText: inviteeEmail })).toContainText("Member");

  // The invitee, signed out, opens the email's link in another browser.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  const link = await linkMailedTo(invitee, inviteeEmail, "invited you to");
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `Join ${tenantName}` })).toBeVisible();
  await expect(invitee.getByText(`invited ${inviteeEmail} to the workspace`)).toBeVisible();
  await invitee.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(invitee.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await openMagicLink(invitee, inviteeEmail);

  // Back on the invitation, signed in: accept.
  await expect(invitee).toHaveURL(new RegExp(`/invite/`));
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/t/${slug}$`));

  // In the selector with the right role, and no personal tenant was made for them.
  await openTenantSelector(invitee);
  const options = invitee.getByRole("option").filter({ hasNotText: "Create workspace" });
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText(tenantName);
  await expect(options.first()).toContainText("Member");
  await invitee.keyboard.press("Escape");

  // As a member: no invite form, no pending list, no controls over others.
  await invitee.goto(`/t/${slug}/members`);
  await expect(invitee.getByRole("heading", { name: "People" })).toBeVisible();
  await expect(invitee.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);
  await expect(invitee.getByRole("heading", { name: "Pending invitations" })).toHaveCount(0);
  await expect(invitee.getByRole("button", { name: /^Actions for / })).toHaveCount(1); // their own: Leave
  await expect(invitee.getByRole("link", { name: "Activity" })).toHaveCount(0);

  // The owner makes them an admin...
  await owner.reload();
  await expect(owner.getByTestId("invitation-row")).toHaveCount(0);
  await changeRole(owner, inviteeEmail, "Admin");
  await expect(owner.getByTestId("member-row").filter({ hasText: inviteeEmail }).getByTestId("member-role")).toHaveText("Admin");
  await invitee.reload();
  await expect(invitee.getByRole("heading", { name: "Invite someone" })).toBeVisible();

  // ...then removes them: their next request is a 404 and the tenant leaves their selector.
  await memberMenu(owner, inviteeEmail, "Remove…");
  await owner.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(owner.getByTestId("member-row").filter({ hasText: inviteeEmail })).toHaveCount(0);
  const response = await invitee.goto(`/t/${slug}`);
  expect(response?.status()).toBe(404);

  // Every step is in the activity log, newest first.
  await owner.goto(`/t/${slug}/activity`);
  const entries = owner.getByTestId("activity-entry");
  await expect(entries.nth(0)).toContainText(`removed ${inviteeEmail}`);
  await expect(entries.nth(1)).toContainText(`changed ${inviteeEmail}’s role from Member to Admin`);
  await expect(entries.nth(2)).toContainText(`${inviteeEmail} joined as Member`);
  await expect(entries.nth(3)).toContainText(`invited ${inviteeEmail} as Member`);

  await ownerContext.close();
  await inviteeContext.close();
});

test("signed in as someone else, the invitation says so and offers to switch account", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const slug = await signIn(owner, uniqueEmail("oscar"));
  const invited = uniqueEmail("invited");
  await invite(owner, slug, invited, "Admin");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherEmail = uniqueEmail("other");
  await signIn(other, otherEmail);
  await other.goto(await linkMailedTo(other, invited, "invited you to"));
  await expect(other.getByText(`You are signed in as ${otherEmail}, but this invitation is for ${invited}.`)).toBeVisible();
  await expect(other.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
  await other.getByRole("button", { name: "Sign out and switch account" }).click();
  await expect(other.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
  await expect(other.getByText(`Sign in to answer`)).toBeVisible();

  await ownerContext.close();
  await otherContext.close();
});

test("every link that does not work shows the same page, and the last owner cannot leave", async ({ page }) => {
  const response = await page.goto(`/invite/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();

  const email = uniqueEmail("solo");
  const slug = await signIn(page, email);
  await page.goto(`/t/${slug}/members`);
  await memberMenu(page, email, "Leave workspace…");
  await page.getByRole("alertdialog").getByRole("button", { name: "Leave" }).click();
  await expect(page.getByRole("alertdialog").getByRole("alert")).toContainText("A workspace needs at least one owner");
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
});
