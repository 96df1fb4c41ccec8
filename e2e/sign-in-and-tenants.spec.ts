import { expect, test } from "@playwright/test";
import { createTenantFromSelector, openMagicLink, openTenantSelector, requestMagicLink, signIn, uniqueEmail } from "./helpers";

test("sign in by magic link, land on the personal tenant, create and switch tenants, sign out", async ({ page }) => {
  const email = uniqueEmail("ada");
  const handle = email.split("@")[0]!;

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your team's work, in one place." })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();
  await requestMagicLink(page, email);
  await openMagicLink(page, email);

  // The personal tenant, named from the email, owned by the new user.
  await expect(page).toHaveURL(new RegExp(`/t/${handle}$`));
  await expect(page.getByRole("heading", { level: 1, name: `${handle}'s workspace` })).toBeVisible();
  await expect(page.getByText("Your role: Owner", { exact: true })).toBeVisible();

  // A second tenant from the selector's dialog, with its slug derived from the name.
  const second = `Second ${Date.now().toString(36)}`;
  await createTenantFromSelector(page, second);
  const secondSlug = second.toLowerCase().replace(" ", "-");
  await expect(page).toHaveURL(new RegExp(`/t/${secondSlug}$`));
  await expect(page.getByRole("heading", { level: 1, name: second })).toBeVisible();

  // Switching keeps the section: settings of one → settings of the other.
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${secondSlug}/settings$`));
  await openTenantSelector(page);
  const options = page.getByRole("option");
  await expect(options.filter({ hasText: second })).toContainText("Owner");
  await options.filter({ hasText: `${handle}'s workspace` }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${handle}/settings$`));
  await expect(page.getByTestId("tenant-selector")).toContainText(`${handle}'s workspace`);

  // The session the browser can read names the user and nothing more (no session token).
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
  expect(Object.keys(session.user).sort()).toEqual(["email", "id", "image", "name"]);
  expect(session.user.email).toBe(email);

  // The last tenant used is remembered server-side.
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/t/${handle}$`));

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Your team's work, in one place." })).toBeVisible();
  await page.goto(`/t/${handle}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("a non-member gets the same 404 for someone else's tenant as for one that does not exist", async ({ browser }) => {
  const owner = await browser.newContext();
  const ownerSlug = await signIn(await owner.newPage(), uniqueEmail("owner"));

  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await signIn(page, uniqueEmail("stranger"));

  const existing = await page.goto(`/t/${ownerSlug}`);
  expect(existing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const existingText = await page.locator("main").innerText();

  const missing = await page.goto(`/t/no-such-tenant-${Date.now()}`);
  expect(missing?.status()).toBe(404);
  expect(await page.locator("main").innerText()).toBe(existingText);

  // Deeper pages too, and the stranger's selector does not list it.
  expect((await page.goto(`/t/${ownerSlug}/settings`))?.status()).toBe(404);
  await page.goto("/");
  await openTenantSelector(page);
  await expect(page.getByRole("option").filter({ hasText: ownerSlug })).toHaveCount(0);

  await owner.close();
  await stranger.close();
});

test("a signed-out visitor to a tenant page signs in and comes back to it", async ({ browser }) => {
  const email = uniqueEmail("returning");
  const first = await browser.newContext();
  const slug = await signIn(await first.newPage(), email);
  await first.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/t/${slug}/settings`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(`/t/${slug}/settings`)}`));
  await requestMagicLink(page, email);
  await openMagicLink(page, email);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/settings$`));
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await context.close();
});

test("the selector works from the keyboard alone and filters as you type", async ({ page }) => {
  const email = uniqueEmail("keys");
  const home = await signIn(page, email);
  const names = ["Kestrel", "Heron", "Osprey"].map((n) => `${n} ${Date.now().toString(36)}`);
  for (const name of names) {
    await createTenantFromSelector(page, name);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }

  await page.getByTestId("tenant-selector").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByPlaceholder("Find a workspace…")).toBeFocused();
  await page.keyboard.type("heron");
  await expect(page.getByRole("option").filter({ hasText: names[1]! })).toBeVisible();
  await expect(page.getByRole("option").filter({ hasText: names[0]! })).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/t/${names[1]!.toLowerCase().replace(" ", "-")}$`));

  // Escape closes without moving; arrows then Enter choose.
  await page.getByTestId("tenant-selector").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox")).toHaveCount(0);
  await page.getByTestId("tenant-selector").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type(home.slice(0, 8));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/t/${home}$`));
});

test("creating a tenant explains what is wrong and creates nothing", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("careful"));
  await openTenantSelector(page);
  await page.getByRole("option", { name: "Create workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a workspace" });

  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(dialog.getByText("Enter a name.")).toBeVisible();

  await dialog.getByLabel("Name").fill("Taken");
  await dialog.getByLabel("URL").fill(slug);
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(dialog.getByText(`"${slug}" is already taken.`, { exact: false })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}$`));

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await openTenantSelector(page);
  await expect(page.getByRole("option").filter({ hasText: "Taken" })).toHaveCount(0);
});

test("a user changes their display name and renames their tenant", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("named"));
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Account settings" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Grace Hopper");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByRole("menu")).toContainText("Grace Hopper");
  await page.keyboard.press("Escape");

  await page.goto(`/t/${slug}/settings`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Compiler Club");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByTestId("tenant-selector")).toContainText("Compiler Club");
});

test("a forged or stale session cookie gets past the proxy but not the guard", async ({ browser }) => {
  const slug = await (async () => {
    const context = await browser.newContext();
    const found = await signIn(await context.newPage(), uniqueEmail("forged"));
    await context.close();
    return found;
  })();
  const context = await browser.newContext();
  await context.addCookies([{ name: "authjs.session-token", value: "not-a-real-session", url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  await page.goto(`/t/${slug}/members`);
  // Only the server's own check can send this visitor to sign-in, with the way back.
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(`/t/${slug}/members`)}`));
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await context.close();
});
