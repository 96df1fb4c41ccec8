import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";

/** A platform authenticator in Chromium (CDP's virtual authenticator), that says yes to every prompt. */
async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/sign-in");
}

test("a passkey is added on the account page, signs in without an email, and is removed", async ({ page }) => {
  const email = uniqueEmail("passkey");
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  await signIn(page, email);

  await page.goto("/account");
  const card = page.locator("#passkeys");
  await expect(card.getByText("No passkeys yet.")).toBeVisible();
  await card.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added. Next time, sign in with it.")).toBeVisible();
  await expect(card.getByTestId("passkey-row")).toHaveCount(1);
  await expect(card.getByTestId("passkey-row")).toContainText("not used yet");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);

  await card.getByRole("button", { name: "Rename Passkey" }).click();
  await card.getByLabel("Passkey name").fill("Work laptop");
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByTestId("passkey-row")).toContainText("Work laptop");

  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.waitForURL(/\/t\/[^/]+$/);
  await page.goto("/account");
  await expect(card.getByTestId("passkey-row")).toContainText("last used");

  await card.getByRole("button", { name: "Remove Work laptop" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Work laptop was removed.")).toBeVisible();
  await expect(card.getByText("No passkeys yet.")).toBeVisible();

  // The device still holds the credential, but it signs no one in any more.
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That passkey is not known here." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
