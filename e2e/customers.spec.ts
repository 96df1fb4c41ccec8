import { expect, test } from "@playwright/test";
import { joinAs, signIn, uniqueEmail } from "./helpers";

test("create, search, edit and delete customers", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("crm"));
  await page.getByRole("link", { name: "Customers" }).click();
  await expect(page.getByText("No customers yet")).toBeVisible();
  await page.getByRole("link", { name: "Add your first customer" }).click();

  // Refused input keeps what was typed and says what is wrong, next to the field.
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like ana@example.com.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");

  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Company").fill("Navy");
  await page.getByLabel("Email").fill("grace@navy.test");
  await page.getByLabel("Phone").fill("+1 555 0100");
  await page.getByLabel("Notes").fill("Met at the compiler conference.");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grace Hopper" })).toBeVisible();
  await expect(page.getByText("Met at the compiler conference.")).toBeVisible();

  await page.goto(`/t/${slug}/customers/new`);
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Company").fill("Analytical Engines");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();

  // The same email twice in one workspace is refused at the field.
  await page.goto(`/t/${slug}/customers/new`);
  await page.getByLabel("Name").fill("Grace again");
  await page.getByLabel("Email").fill("GRACE@navy.test");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByText("grace@navy.test is already a customer in this workspace.")).toBeVisible();

  await page.goto(`/t/${slug}/customers`);
  await expect(page.getByTestId("customer-row")).toHaveCount(2);
  await expect(page.getByTestId("customer-row").first()).toContainText("Ada Lovelace");
  await page.getByRole("searchbox", { name: "Search customers" }).fill("navy");
  await page.getByRole("searchbox", { name: "Search customers" }).press("Enter");
  await expect(page).toHaveURL(/q=navy/);
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await page.getByTestId("customer-row").getByRole("link").click();

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Company").fill("US Navy");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grace Hopper" })).toBeVisible();
  await expect(page.getByText("US Navy")).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Delete Grace Hopper?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete customer" }).click();
  await expect(page.getByText("Grace Hopper was deleted.")).toBeVisible();
  await expect(page.getByTestId("customer-row")).toHaveCount(1);

  await page.goto(`/t/${slug}/activity`);
  await expect(page.getByTestId("activity-entry").first()).toContainText("deleted the customer Grace Hopper");
});

test("a billing member sees no write controls, and the server refuses their direct write", async ({ page, browser }) => {
  const slug = await signIn(page, uniqueEmail("owner-crm"));
  await page.goto(`/t/${slug}/customers/new`);
  await page.getByLabel("Name").fill("Kept");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kept" })).toBeVisible();
  const customerUrl = new URL(page.url()).pathname;

  const billing = await joinAs(page, browser, slug, "Billing", "ledger");
  await billing.page.goto(`/t/${slug}/customers`);
  await expect(billing.page.getByTestId("customer-row")).toHaveCount(1);
  await expect(billing.page.getByRole("link", { name: "New customer" })).toHaveCount(0);
  await billing.page.goto(customerUrl);
  await expect(billing.page.getByRole("heading", { level: 1, name: "Kept" })).toBeVisible();
  await expect(billing.page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(billing.page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await billing.page.goto(`/t/${slug}/customers/new`);
  await expect(billing.page.getByText("Your role can read customers but not add them.")).toBeVisible();

  // Catch the owner's own edit request (a server action) and send it again with the
  // billing member's session and another name: hiding the form is not the check.
  await page.goto(`${customerUrl}/edit`);
  await page.getByLabel("Name").fill("Kept by owner");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    page.getByRole("button", { name: "Save changes" }).click(),
  ]);
  await expect(page.getByRole("heading", { level: 1, name: "Kept by owner" })).toBeVisible();
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => !["cookie", "content-length", "host"].includes(name)));
  const body = request.postDataBuffer()!.toString("latin1").replace("Kept by owner", "Taken by billing");
  const replay = await billing.context.request.post(request.url(), { headers, data: Buffer.from(body, "latin1") });
  expect(await replay.text()).toContain("Only members, admins and owners can change customers.");
  await page.goto(customerUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Kept by owner" })).toBeVisible();

  await billing.context.close();
});

test("another tenant's customer is a 404, on its page and its edit page", async ({ page, browser }) => {
  const slug = await signIn(page, uniqueEmail("holder"));
  await page.goto(`/t/${slug}/customers/new`);
  await page.getByLabel("Name").fill("Private");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Private" })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;

  const context = await browser.newContext();
  const other = await context.newPage();
  const otherSlug = await signIn(other, uniqueEmail("snoop"));
  for (const path of [`/t/${otherSlug}/customers/${id}`, `/t/${otherSlug}/customers/${id}/edit`, `/t/${slug}/customers/${id}`]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await context.close();
});
