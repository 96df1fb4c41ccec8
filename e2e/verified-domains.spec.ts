import { expect, test } from "@playwright/test";
import { linkMailedTo, openTenantSelector, signIn } from "./helpers";

test("an owner verifies their domain by their own address; a colleague at it sees the workspace and joins", async ({ browser }) => {
  // A domain nobody else uses; .test is reserved, so it is nobody's real domain and no public provider's.
  const domain = `acme-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.test`;
  const ownerEmail = `owner@${domain}`;
  const colleagueEmail = `cleo@${domain}`;
  const tenantName = "owner's workspace";

  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const slug = await signIn(owner, ownerEmail);

  // Claimed on settings: verified at once, since the owner signed in with a verified address there.
  await owner.goto(`/t/${slug}/settings`);
  const card = owner.locator("section").filter({ has: owner.getByRole("heading", { name: "Verified domains" }) });
  await card.getByRole("textbox", { name: "Domain" }).fill(domain.toUpperCase());
  await card.getByRole("button", { name: "Add domain" }).click();
  await expect(owner.getByText(`${domain} is verified: your own verified address is there.`)).toBeVisible();
  const row = card.getByTestId("domain-row").filter({ hasText: domain });
  await expect(row.getByText("Verified", { exact: true })).toBeVisible();
  await expect(row.getByLabel(`When someone at ${domain} signs in`)).toHaveValue("suggest");
  await expect(row.getByLabel("They join as")).toHaveValue("member");

  // The colleague signs in to their own new workspace and is offered the owner's.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  const ownSlug = await signIn(colleague, colleagueEmail);
  expect(ownSlug).not.toBe(slug);
  const suggestion = colleague.getByTestId("domain-suggestion");
  await expect(suggestion).toContainText(`Join ${tenantName}`);
  await expect(suggestion).toContainText(`People at ${domain} can join.`);

  // The selector offers it too.
  await openTenantSelector(colleague);
  await expect(colleague.getByRole("option", { name: new RegExp(`Join ${tenantName}`) })).toBeVisible();
  await colleague.keyboard.press("Escape");

  await suggestion.getByRole("button", { name: `Join ${tenantName}` }).click();
  await expect(colleague).toHaveURL(new RegExp(`/t/${slug}$`));
  await expect(colleague.getByRole("heading", { level: 1, name: tenantName })).toBeVisible();
  await expect(colleague.getByText(`You joined ${tenantName}.`)).toBeVisible();
  await expect(colleague.getByTestId("domain-suggestion")).toHaveCount(0);

  // The owner sees it in the log.
  await owner.goto(`/t/${slug}/activity`);
  await expect(owner.getByTestId("activity-entry").first()).toContainText(`joined as Member through the verified domain ${domain}`);

  // Automatic: the next colleague is a member as soon as they sign in, and the owner is told by mail.
  await owner.goto(`/t/${slug}/settings`);
  await row.getByLabel(`When someone at ${domain} signs in`).selectOption("automatic");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(owner.getByText(`Saved: people at ${domain} join automatically as Member.`)).toBeVisible();

  const danEmail = `dan@${domain}`;
  const danContext = await browser.newContext();
  const dan = await danContext.newPage();
  await signIn(dan, danEmail);
  await dan.goto(`/t/${slug}`);
  await expect(dan.getByRole("heading", { level: 1, name: tenantName })).toBeVisible();
  await expect(dan.getByTestId("domain-suggestion")).toHaveCount(0);
  expect(await linkMailedTo(owner, ownerEmail, `${danEmail} joined ${tenantName} through ${domain}`)).toContain(`/t/${slug}/members`);

  await ownerContext.close();
  await colleagueContext.close();
  await danContext.close();
});
