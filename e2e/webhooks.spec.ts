import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { joinAs, signIn, uniqueEmail } from "./helpers";

test("an admin adds an endpoint at a local receiver, a new customer is delivered and logged, and resending sends the same message", async ({ page, browser }) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://localhost:${(receiver.address() as AddressInfo).port}/hooks`;

  try {
    const slug = await signIn(page, uniqueEmail("hooks-owner"));
    const admin = await joinAs(page, browser, slug, "Admin", "hooks-admin");
    await admin.page.getByRole("link", { name: "Webhooks" }).click();
    await expect(admin.page.getByText("No endpoints yet.")).toBeVisible();
    await admin.page.getByLabel("URL").fill(url);
    await admin.page.getByLabel("Description").fill("CRM sync");
    await admin.page.getByLabel("Only these:").check();
    await admin.page.getByLabel(/customer\.created/).check();
    await admin.page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(admin.page.getByText("it is shown only this once")).toBeVisible();
    const secret = await admin.page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await admin.page.getByRole("button", { name: "Done" }).click();
    await expect(admin.page.getByTestId("webhook-endpoint-row")).toContainText("CRM sync · 1 event type");
    await admin.page.getByTestId("webhook-endpoint-row").getByRole("link", { name: url }).click();
    await expect(admin.page.getByRole("heading", { name: "CRM sync" })).toBeVisible();
    await expect(admin.page.getByLabel(/customer\.created/)).toBeChecked();
    await expect(admin.page.getByLabel("Only these:")).toBeChecked();
    await expect(admin.page.getByText("Nothing sent yet.")).toBeVisible();

    await admin.page.goto(`/t/${slug}/customers/new`);
    await admin.page.getByLabel("Name").fill("Hooked Customer");
    await admin.page.getByRole("button", { name: /Add customer|Save/ }).click();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    const event = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>) as { type: string; data: { customer: { name: string } } };
    expect(event).toMatchObject({ type: "customer.created", data: { customer: { name: "Hooked Customer" } } });

    await admin.page.goto(`/t/${slug}/webhooks`);
    await admin.page.getByRole("link", { name: url }).click();
    const row = admin.page.getByTestId("delivery-row").first();
    await expect(row).toContainText("customer.created");
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("HTTP 200");
    await row.getByRole("button", { name: "Resend" }).click();
    await expect(admin.page.getByText("Resending customer.created.")).toBeVisible();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
    expect(received[1]!.headers["webhook-id"]).toBe(received[0]!.headers["webhook-id"]);
    await admin.page.reload();
    await expect(admin.page.getByTestId("delivery-row")).toHaveCount(2);

    await admin.page.getByLabel("Description").fill("CRM sync, renamed");
    await admin.page.getByRole("button", { name: "Save changes" }).click();
    await expect(admin.page.getByText("Saved.")).toBeVisible();
    await expect(admin.page.getByRole("heading", { name: "CRM sync, renamed" })).toBeVisible();

    // A member sees neither the tab nor the page.
    const member = await joinAs(page, browser, slug, "Member", "hooks-member");
    await expect(member.page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
    await member.page.goto(`/t/${slug}/webhooks`);
    await expect(member.page.getByText("Only owners and admins can manage webhooks.")).toBeVisible();
    await member.context.close();
    await admin.context.close();
  } finally {
    receiver.close();
  }
});
