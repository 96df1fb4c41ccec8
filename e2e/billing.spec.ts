import { expect, test } from "@playwright/test";
import { joinAs, signIn, uniqueEmail } from "./helpers";

test("an owner upgrades through Checkout, then Stripe's webhooks keep the plan in step", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("payer"));
  await page.getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await expect(page.getByTestId("usage")).toContainText("1 of 3");

  await page.getByRole("button", { name: "Upgrade to Pro" }).click();
  await expect(page.getByRole("heading", { name: "Fake Checkout" })).toBeVisible();
  await expect(page.getByText("pro_monthly")).toBeVisible();
  await page.getByRole("button", { name: "Pay and subscribe" }).click();

  // Back on the billing page, already on Pro, with Pro's limits.
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/billing\\?checkout=cs_test_`));
  await expect(page.getByText("This workspace is now on the Pro plan.")).toBeVisible();
  await expect(page.getByTestId("current-plan")).toHaveText("Pro");
  await expect(page.getByTestId("subscription-status")).toHaveText("Active, billed monthly");
  await expect(page.getByTestId("usage")).toContainText("1 of 10");
  await expect(page.getByText(/Renews on/)).toBeVisible();
  await expect(page.getByTestId("plan-business").getByRole("button", { name: "Switch in portal" })).toBeVisible();

  // A failed payment, reported only by webhook: the plan stays, with a warning.
  await page.getByRole("button", { name: "Manage billing" }).click();
  await expect(page.getByRole("heading", { name: "Fake Customer Portal" })).toBeVisible();
  await page.getByRole("button", { name: "Simulate a failed payment" }).click();
  await page.getByRole("link", { name: "Return to the app" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your last payment failed" })).toBeVisible();
  await expect(page.getByTestId("current-plan")).toHaveText("Pro");

  // Canceled in the portal: back to Free, again by webhook alone.
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.getByRole("button", { name: "Cancel subscription now" }).click();
  await page.getByRole("link", { name: "Return to the app" }).click();
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await expect(page.getByTestId("usage")).toContainText("1 of 3");

  await page.goto(`/t/${slug}/activity`);
  await expect(page.getByTestId("activity-entry").first()).toContainText("changed the plan from Pro to Free");
});

test("a billing member manages billing but cannot invite; a member cannot open billing", async ({ page, browser }) => {
  const slug = await signIn(page, uniqueEmail("boss"));
  const billing = await joinAs(page, browser, slug, "Billing", "accountant");
  const member = await joinAs(page, browser, slug, "Member", "worker");

  await billing.page.getByRole("link", { name: "Billing", exact: true }).click();
  await expect(billing.page.getByTestId("current-plan")).toHaveText("Free");
  await expect(billing.page.getByTestId("usage")).toContainText("3 of 3");
  await expect(billing.page.getByRole("button", { name: "Upgrade to Pro" })).toBeEnabled();
  await billing.page.goto(`/t/${slug}/members`);
  await expect(billing.page.getByRole("heading", { name: "People" })).toBeVisible();
  await expect(billing.page.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);

  await expect(member.page.getByRole("link", { name: "Billing" })).toHaveCount(0);
  await member.page.goto(`/t/${slug}/billing`);
  await expect(member.page.getByText("Only owners and billing members can see and change the plan.")).toBeVisible();
  await expect(member.page.getByTestId("current-plan")).toHaveCount(0);

  // The plan's member limit (3, pending invitations included) holds on the server.
  await page.goto(`/t/${slug}/members`);
  await page.getByRole("textbox", { name: "Email" }).fill(uniqueEmail("one-too-many"));
  await page.getByRole("button", { name: "Send invitation" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "The Free plan allows 3 members" });
  await expect(refusal).toBeVisible();
  await refusal.getByRole("link", { name: "Go to billing" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/billing$`));

  await billing.context.close();
  await member.context.close();
});
