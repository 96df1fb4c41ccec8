import { expect, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";

test("the theme is chosen in the account menu, applies at once, is remembered, and is in the first byte of the next page", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("theme"));
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await background()).not.toBe(light);
  const html = await (await page.request.get(`/t/${slug}/customers`)).text();
  expect(html).toMatch(/<html[^>]*class="[^"]*\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);

  // "System" follows the device: dark here, as the browser says it prefers.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\b(dark|light)\b/);
  const systemDark = await background();
  await page.emulateMedia({ colorScheme: "light" });
  expect(await background()).toBe(light);
  expect(systemDark).not.toBe(light);
});

test("the getting-started list ticks itself as things happen, and can be dismissed", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("onboard"));
  const list = page.getByTestId("onboarding");
  await expect(list).toContainText("0 of 4 done");
  await list.getByRole("link", { name: "Add a customer" }).click();
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByText("Ada Lovelace was added.")).toBeVisible();
  await page.goto(`/t/${slug}`);
  await expect(list).toContainText("1 of 4 done");
  await expect(page.getByTestId("onboarding-customer")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("stat-customers")).toHaveText("1");
  await list.getByRole("button", { name: "Dismiss" }).click();
  await expect(list).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Plan usage" })).toBeVisible();
  await expect(list).toBeHidden();
});

test("deleting a customer answers with a toast whose Undo brings it back; a saved edit says so", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("undo"));
  await page.goto(`/t/${slug}/customers/new`);
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByRole("button", { name: "Add customer" }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Company").fill("Navy");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Changes to Grace Hopper were saved.")).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete customer" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/customers$`));
  await expect(page.getByText("Grace Hopper was deleted.")).toBeVisible();
  await expect(page.getByText("No customers yet")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Grace Hopper is back.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Grace Hopper" })).toBeVisible();
  await expect(page.getByText("Navy")).toBeVisible();
});

test("a pasted name past the limit is counted, not cut, and refused with a clear message", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("limit"));
  await page.goto(`/t/${slug}/customers/new`);
  await page.getByLabel("Name").fill("x".repeat(500));
  await expect(page.getByLabel("Name")).toHaveValue("x".repeat(500));
  await expect(page.getByText("380 characters too many: 500/120.")).toBeVisible();
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByText("Name can be at most 120 characters.")).toBeVisible();
  await page.goto(`/t/${slug}/customers`);
  await expect(page.getByText("No customers yet")).toBeVisible();
});

test("with the keyboard: the create dialog takes focus and gives it back; after a switch, focus is on the new page's heading", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("keys"));
  const selector = page.getByTestId("tenant-selector");
  await selector.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByPlaceholder("Find a workspace…")).toBeFocused();
  await page.keyboard.type("create");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Create a workspace" });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(selector).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.type("create");
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.keyboard.type("Second Team");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Second Team" })).toBeVisible();

  await selector.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type(slug);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/t/${slug}$`));
  await expect(page.locator("main h1")).toBeFocused();
});
