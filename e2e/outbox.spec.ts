import { expect, test } from "@playwright/test";
import { OUTBOX_TOKEN, openMagicLink, requestMagicLink, uniqueEmail } from "./helpers";

// The e2e server is a production build run as a demo (EMAIL_OUTBOX + DEMO_MODE, see
// playwright.config.ts): its outbox holds sign-in links, so only the token opens it.

test("the demo's outbox is a 404 without its token, and shows no link", async ({ page }) => {
  const email = uniqueEmail("eve-target");
  await page.goto("/sign-in");
  await requestMagicLink(page, email);

  for (const path of ["/dev/outbox", "/dev/outbox?token=guess", `/dev/outbox?token=${OUTBOX_TOKEN.slice(0, -1)}`, "/dev/outbox/unlock?token=guess"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Development outbox" })).toHaveCount(0);
    await expect(page.getByTestId("outbox-message")).toHaveCount(0);
    expect(await page.content()).not.toContain("/api/auth/callback");
  }
  expect(await page.context().cookies()).not.toContainEqual(expect.objectContaining({ name: "outbox_token" }));
});

test("the token opens the outbox, then its cookie does, for the outbox alone", async ({ page, context, baseURL }) => {
  const email = uniqueEmail("demo-holder");
  await page.goto("/sign-in");
  await requestMagicLink(page, email);

  const response = await page.goto(`/dev/outbox?token=${OUTBOX_TOKEN}`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/dev\/outbox$/); // the token left the address bar
  // The mail is sent by the job queue a moment later: the cookie alone reloads the outbox.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("outbox-message").filter({ hasText: email })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });

  const cookie = (await context.cookies()).find((c) => c.name === "outbox_token");
  expect(cookie).toMatchObject({ value: OUTBOX_TOKEN, path: "/dev/outbox", httpOnly: true, sameSite: "Lax" });
  expect(await context.cookies(`${baseURL}/`)).not.toContainEqual(expect.objectContaining({ name: "outbox_token" }));

  // Refresh works without the token, and the link inside signs in.
  await page.getByRole("link", { name: "Refresh" }).click();
  await expect(page.getByTestId("outbox-message").filter({ hasText: email })).toBeVisible();
  await openMagicLink(page, email);
  await page.waitForURL(/\/t\/[^/]+$/);
});

test("every page of the demo says it is a demo, without overflowing a phone's screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of ["/", "/sign-in", "/invite/no-such-invitation", "/dev/outbox"]) {
    await page.goto(path);
    const banner = page.getByRole("complementary", { name: "Demo mode" });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("Demo: sign-in links may be shown at /dev/outbox; do not use it with real data.");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
  }
  await context.close();
});
