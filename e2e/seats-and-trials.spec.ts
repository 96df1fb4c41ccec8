import { expect, test, type Page } from "@playwright/test";
import { joinAs, signIn, uniqueEmail } from "./helpers";

const shots = process.env.SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

/** Reloads until the billing page shows `seats` paid: the quantity follows members through a background job. */
async function expectSeatsPaid(page: Page, seats: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("seats-paid")).toHaveText(seats, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test("an owner starts a trial without a card, invites with the seat cost shown, subscribes through Checkout and sees the seats", async ({ page, browser }) => {
  const slug = await signIn(page, uniqueEmail("trialist"));
  await page.getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByTestId("start-trial-business")).toBeVisible();
  await shoot(page, "billing-free-with-trials");
  await page.getByTestId("start-trial-business").click();
  await expect(page.getByText("Your 14-day Business trial has started.")).toBeVisible();
  await expect(page.getByTestId("current-plan")).toHaveText("Business");
  await expect(page.getByTestId("trial-card")).toContainText("14 days left");
  await expect(page.getByRole("status").filter({ hasText: "Business trial:" })).toContainText("14 days left.");
  await expect(page.getByTestId("start-trial-pro")).toHaveCount(0);

  await page.goto(`/t/${slug}/members`);
  await expect(page.getByTestId("invitation-cost")).toHaveText("Free during your trial; once you subscribe, this invitation adds 1 seat, about $15 per month.");
  const teammate = await joinAs(page, browser, slug, "Member", "teammate");
  await expect(teammate.page.getByRole("status").filter({ hasText: "Business trial:" })).toBeVisible();
  await expect(teammate.page.getByRole("link", { name: "Choose a plan" })).toHaveCount(0);

  await page.goto(`/t/${slug}/billing`);
  await expect(page.getByTestId("seats-in-use")).toHaveText("2");
  await expect(page.getByTestId("seats-paid")).toHaveText("—");
  await page.getByRole("button", { name: "Subscribe to Business" }).click();
  await expect(page.getByRole("heading", { name: "Fake Checkout" })).toBeVisible();
  await expect(page.locator("#cost")).toHaveText("2 seats × 15 USD = 30 USD per month");
  await expect(page.locator("#trial")).toContainText("Free trial until");
  await page.getByRole("button", { name: "Pay and subscribe" }).click();

  // Stripe carries the rest of the trial; the local one is converted.
  await expect(page.getByText("This workspace is now on the Business plan.")).toBeVisible();
  await expect(page.getByTestId("subscription-status")).toHaveText("Trial, billed monthly");
  await expect(page.getByText(/The trial ends and the card is first charged on/)).toBeVisible();
  await expect(page.getByTestId("trial-card")).toHaveCount(0);
  await expect(page.getByTestId("seats-paid")).toHaveText("2");
  await expect(page.getByTestId("seat-price")).toHaveText("$15 / member / month");
  await expect(page.getByTestId("next-invoice")).toContainText("Next invoice: about $30.00");

  // A third member: the quantity follows, and so does the estimate.
  await page.goto(`/t/${slug}/members`);
  // Stripe's own trial runs on: the seat is free until it ends.
  await expect(page.getByTestId("invitation-cost")).toHaveText(/^Free until your trial ends on \w{3} \d{1,2}, \d{4}; then, once accepted, this invitation adds 1 seat, about \$15 per month\.$/);
  const third = await joinAs(page, browser, slug, "Member", "third");
  await page.goto(`/t/${slug}/billing`);
  await expectSeatsPaid(page, "3");
  await expect(page.getByTestId("next-invoice")).toContainText("$45.00");
  await shoot(page, "billing-per-seat-subscription");

  // Seats changed in the Customer Portal are set back to the member count, and logged.
  await page.getByRole("button", { name: "Manage billing" }).click();
  await expect(page.getByRole("heading", { name: "Fake Customer Portal" })).toBeVisible();
  await page.getByRole("spinbutton", { name: "Seats" }).fill("9");
  await page.getByRole("button", { name: "Change seats" }).click();
  await expect(page.locator("#quantity")).toHaveText("9");
  await page.getByRole("link", { name: "Return to the app" }).click();
  await expectSeatsPaid(page, "3");

  await page.goto(`/t/${slug}/activity`);
  const entries = page.getByTestId("activity-entry");
  await expect(entries.filter({ hasText: "found 9 seats set in Stripe for 3 members, and set them back to 3" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "ended the Business trial with a subscription" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "started a 14-day free trial of Business" })).toHaveCount(1);

  await teammate.context.close();
  await third.context.close();
});
