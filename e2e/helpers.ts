import { expect, type Browser, type Page } from "@playwright/test";

/** The production demo's outbox token (playwright.config.ts sets it as OUTBOX_TOKEN). */
export const OUTBOX_TOKEN = "e2e-outbox-token-e2e-outbox-token";

/** Opens the outbox as its holder: the link with the token, which sets its cookie. */
export async function openOutbox(page: Page) {
  await page.goto(`/dev/outbox?token=${OUTBOX_TOKEN}`);
  await expect(page.getByRole("heading", { name: "Development outbox" })).toBeVisible();
}

export function uniqueEmail(name: string): string {
  return `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** Sign-in links already opened in this worker: each works once, so none is opened twice. */
const openedLinks = new Set<string>();

/**
 * The link in the newest mail to `email` whose subject contains `subject`, from the
 * development outbox (with `fresh`, the newest whose link was not opened yet). Mail goes
 * out through the job queue, a moment after it is asked for: the outbox is reloaded until
 * it shows.
 */
export async function linkMailedTo(page: Page, email: string, subject: string, { fresh = false } = {}): Promise<string> {
  const messages = page
    .getByTestId("outbox-message")
    .filter({ has: page.getByTestId("outbox-to").getByText(email, { exact: true }) })
    .filter({ has: page.getByRole("heading", { name: subject }) });
  let href: string | undefined;
  await expect(async () => {
    await openOutbox(page);
    await expect(messages.first()).toBeVisible({ timeout: 500 });
    const links = await messages.evaluateAll((items) => items.map((item) => item.querySelector("a")?.getAttribute("href") ?? ""));
    href = links.find((link) => link && !(fresh && openedLinks.has(link)));
    expect(href, "a new mail").toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return href!;
}

/** Opens the newest sign-in link mailed to `email` that was not opened before. */
export async function openMagicLink(page: Page, email: string) {
  const href = await linkMailedTo(page, email, "Sign in to", { fresh: true });
  expect(href).toContain("/api/auth/callback/email");
  openedLinks.add(href);
  await page.goto(href);
}

/** Asks for a magic link from the sign-in page the browser is on. */
export async function requestMagicLink(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/** Signs in a new or returning user by magic link; returns the slug they land on. */
export async function signIn(page: Page, email: string): Promise<string> {
  await page.goto("/sign-in");
  await requestMagicLink(page, email);
  await openMagicLink(page, email);
  await page.waitForURL(/\/t\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

export async function openTenantSelector(page: Page) {
  await page.getByTestId("tenant-selector").click();
  await expect(page.getByPlaceholder("Find a workspace…")).toBeFocused();
}

export async function createTenantFromSelector(page: Page, name: string) {
  await openTenantSelector(page);
  await page.getByRole("option", { name: "Create workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a workspace" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create workspace" }).click();
}

/** Picks an item in a member's row menu. */
export async function memberMenu(page: Page, who: string, item: string) {
  await page.getByRole("button", { name: `Actions for ${who}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

export async function changeRole(page: Page, who: string, role: string) {
  await memberMenu(page, who, "Change role…");
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog).toHaveCount(0);
}

/** Invites a new address with `role` from the owner's page, and signs them in and accepts in a new browser context. */
export async function joinAs(owner: Page, browser: Browser, slug: string, role: string, name: string) {
  const email = uniqueEmail(name);
  await owner.goto(`/t/${slug}/members`);
  await owner.getByRole("textbox", { name: "Email" }).fill(email);
  await owner.getByLabel("Role").selectOption({ label: role });
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` })).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await linkMailedTo(page, email, "invited you to"));
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await openMagicLink(page, email);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}$`));
  return { page, context, email };
}
