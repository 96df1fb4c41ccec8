import { expect, test } from "@playwright/test";
import { joinAs, signIn, uniqueEmail } from "./helpers";

test("an admin creates an API key, the API answers to it, and after revoking it answers 401", async ({ page, browser, request }) => {
  const slug = await signIn(page, uniqueEmail("api-owner"));
  const admin = await joinAs(page, browser, slug, "Admin", "api-admin");

  await admin.page.getByRole("link", { name: "API keys" }).click();
  await expect(admin.page.getByText("No API keys yet.")).toBeVisible();
  await admin.page.getByLabel("Name", { exact: true }).fill("CRM sync");
  await admin.page.getByLabel(/customers:write/).check();
  await admin.page.getByRole("button", { name: "Create key" }).click();
  await expect(admin.page.getByText("Copy it now: it is shown only this once.")).toBeVisible();
  const key = await admin.page.getByLabel("Your new API key").inputValue();
  expect(key).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
  await admin.page.getByRole("button", { name: "Done" }).click();
  const row = admin.page.getByTestId("api-key-row").filter({ hasText: "CRM sync" });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).not.toContainText(key.slice(12, -4));
  await expect(row).toContainText("never used");

  const auth = { authorization: `Bearer ${key}` };
  const empty = await request.get("/api/v1/customers", { headers: auth });
  expect(empty.status()).toBe(200);
  expect(await empty.json()).toEqual({ data: [], next_cursor: null });

  const created = await request.post("/api/v1/customers", { headers: auth, data: { name: "Via API", email: "api@example.test" } });
  expect(created.status()).toBe(201);
  const { data } = await created.json();
  const readBack = await request.get(`/api/v1/customers/${data.id}`, { headers: auth });
  expect((await readBack.json()).data).toMatchObject({ id: data.id, name: "Via API", email: "api@example.test" });
  const invalid = await request.post("/api/v1/customers", { headers: auth, data: { name: "" } });
  expect(invalid.status()).toBe(422);

  // The customer made over the API is in the app, and the key shows its use.
  await admin.page.goto(`/t/${slug}/customers`);
  await expect(admin.page.getByTestId("customer-row").filter({ hasText: "Via API" })).toBeVisible();
  await admin.page.goto(`/t/${slug}/api-keys`);
  await expect(row).toContainText("last used");

  await row.getByRole("button", { name: "Revoke" }).click();
  await admin.page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(admin.page.getByTestId("api-key-row")).toHaveCount(0);
  const after = await request.get("/api/v1/customers", { headers: auth });
  expect(after.status()).toBe(401);
  expect((await after.json()).error).toMatchObject({ code: "unauthorized", message: "This API key was revoked." });

  const spec = await request.get("/api/v1/openapi.json");
  expect((await spec.json()).openapi).toBe("3.1.0");
  await admin.context.close();
});
