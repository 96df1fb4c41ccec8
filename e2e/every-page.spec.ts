import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";

// Every page, with data on it (a long customer name, a pending invitation to a long address,
// an API key, a webhook endpoint), in both themes at desktop and phone sizes: no page is
// wider than the screen, and axe finds nothing serious or critical. With SCREENSHOTS=dir,
// each view is also saved there, to be looked at.
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } } as const;
const THEMES = ["light", "dark"] as const;
const shots = process.env.SCREENSHOTS;

type Workspace = { slug: string; customerId: string; webhookId: string; joinPath: string; cookies: Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>> };

async function workspaceWithData(page: Page): Promise<Workspace> {
  const slug = await signIn(page, uniqueEmail("pages"));
  await page.goto(`/t/${slug}/customers/new`);
  await page.getByLabel("Name").fill(`Bartholomew ${"Featherstonehaugh-".repeat(3)}Cholmondeley`);
  await page.getByLabel("Email").fill("bartholomew@example.test");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  const customerId = page.url().split("/").at(-1)!;
  await page.goto(`/t/${slug}/members`);
  await page.getByRole("textbox", { name: "Email" }).fill(`a-very-long-address-for-a-pending-invitation-${Date.now()}@subdomain.example.test`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("invitation-row")).toBeVisible();
  await page.getByLabel("Uses allowed").fill("25");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const joinPath = new URL(await page.getByLabel("Invite link", { exact: true }).inputValue()).pathname;
  await page.getByRole("button", { name: "Done" }).click();
  await page.goto(`/t/${slug}/settings`);
  // A domain nobody can verify here: its row shows the TXT record to add, the longest text on the page.
  await page.getByRole("textbox", { name: "Domain" }).fill(`a-rather-long-subdomain-${Date.now()}.pages-example.test`);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByTestId("domain-row")).toBeVisible();
  await page.goto(`/t/${slug}/api-keys`);
  await page.getByLabel("Name", { exact: true }).fill("CRM sync");
  await page.getByRole("button", { name: "Create key" }).click();
  await page.getByRole("button", { name: "Done" }).click();
  await page.goto(`/t/${slug}/webhooks`);
  await page.getByLabel("URL").fill("http://localhost:9/hooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByTestId("webhook-endpoint-row").getByRole("link").first().click();
  await expect(page.getByText("Nothing sent yet.")).toBeVisible();
  const webhookId = page.url().split("/").at(-1)!;
  // A running trial: every page carries its banner, and billing shows the trial and seats.
  await page.goto(`/t/${slug}/billing`);
  await page.getByTestId("start-trial-business").click();
  await expect(page.getByTestId("trial-card")).toBeVisible();
  return { slug, customerId, webhookId, joinPath, cookies: await page.context().cookies() };
}

function pagesOf({ slug, customerId, webhookId, joinPath }: Workspace) {
  const t = `/t/${slug}`;
  return [
    t,
    `${t}/customers`,
    `${t}/customers/new`,
    `${t}/customers/${customerId}`,
    `${t}/customers/${customerId}/edit`,
    `${t}/members`,
    `${t}/activity`,
    `${t}/api-keys`,
    `${t}/webhooks`,
    `${t}/webhooks/${webhookId}`,
    `${t}/billing`,
    `${t}/settings`,
    "/account",
    "/tenants/new",
    joinPath,
    "/t/no-such-workspace",
  ];
}

const SIGNED_OUT = ["/", "/sign-in", "/sign-in/check-email", "/join/no-such-link", "/no-such-page"];

async function check(browser: Browser, path: string, size: keyof typeof SIZES, theme: (typeof THEMES)[number], cookies: Workspace["cookies"], shotName?: string) {
  const context = await browser.newContext({ viewport: SIZES[size], colorScheme: theme });
  // The zone is known up front, so no page redraws itself (TimeZoneSync) while it is checked.
  const url = test.info().project.use.baseURL!;
  await context.addCookies([...cookies.filter((c) => c.name !== "tz"), { name: "theme", value: theme, url }, { name: "tz", value: "UTC", url }]);
  const page = await context.newPage();
  try {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(path.includes("no-such") ? 500 : 400);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wider = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .slice(-3)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").slice(0, 40)}"`);
      return { by: document.documentElement.scrollWidth - width, wider };
    });
    expect(overflow.by, `${path} is wider than a ${size} screen: ${overflow.wider.join(" | ")}`).toBeLessThanOrEqual(0);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, `${path} (${size}, ${theme})`).toEqual([]);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      const name = `${shotName ?? (path.replace(/^\//, "").replace(/^t\/(?!no-such)[^/]+/, "t").replace(/[0-9a-f-]{36}/g, "id").replace(/^join\/[A-Za-z0-9_-]{43}$/, "join").replaceAll("/", "_") || "home")}-${size}-${theme}.png`;
      await page.screenshot({ path: `${shots}/${name}`, fullPage: true });
    }
  } finally {
    await context.close();
  }
}

test.describe("every page", () => {
  test.describe.configure({ timeout: 240_000 });

  for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
    test(`signed in, at ${size} size, in light and dark: fits the screen and passes axe`, async ({ page, browser }) => {
      const workspace = await workspaceWithData(page);
      for (const path of pagesOf(workspace)) for (const theme of THEMES) await check(browser, path, size, theme, workspace.cookies);
      // The invite link as someone signed out sees it: a sign-in form under the invitation.
      for (const theme of THEMES) await check(browser, workspace.joinPath, size, theme, [], "join-signed-out");
    });

    test(`signed out, at ${size} size, in light and dark: fits the screen and passes axe`, async ({ browser }) => {
      for (const path of SIGNED_OUT) for (const theme of THEMES) await check(browser, path, size, theme, []);
    });
  }
});
