import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";

const EVERYWHERE = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
};

function expectSecurityHeaders(response: APIResponse, csp: RegExp) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(EVERYWHERE)) expect(headers[name], name).toBe(value);
  expect(headers["permissions-policy"]).toContain("camera=()");
  // `next start` is a production server: HSTS is sent (browsers ignore it over plain http).
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8}/);
  expect(headers["content-security-policy"]).toMatch(csp);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
}

test("pages, the API and the webhook carry the security headers; each page its own nonce", async ({ page, request }) => {
  const slug = await signIn(page, uniqueEmail("headers"));
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", `/t/${slug}/members`, `/t/${slug}/billing`, "/no-such-page"]) {
    const response = await page.request.get(path);
    expectSecurityHeaders(response, /script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
    // Next.js put this response's nonce on its own scripts.
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(5);

  expectSecurityHeaders(await request.get("/api/v1/customers"), /^default-src 'none'/);
  expectSecurityHeaders(await request.get("/api/v1/openapi.json"), /^default-src 'none'/);
  expectSecurityHeaders(await request.post("/api/stripe/webhook", { data: "{}" }), /^default-src 'none'/);
  expectSecurityHeaders(await request.get("/api/health"), /^default-src 'none'/);
});

test("no page can be framed by another site", async ({ page, baseURL }) => {
  const slug = await signIn(page, uniqueEmail("framed"));
  await page.goto("about:blank");
  await page.setContent(`<iframe src="${baseURL}/t/${slug}/members" width="800" height="600"></iframe>`);
  // The browser refuses to render it and shows its own error page in the frame instead.
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator("iframe").getByRole("heading", { name: "Members" })).toHaveCount(0);
});

/** Adds a customer through the form and returns the server action request it sent. */
async function addCustomer(page: Page, slug: string, name: string) {
  await page.goto(`/t/${slug}/customers/new`);
  await page.getByLabel("Name").fill(name);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    page.getByRole("button", { name: "Add customer" }).click(),
  ]);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => !["cookie", "content-length", "host"].includes(name)));
  return { url: request.url(), headers, body: request.postDataBuffer()!.toString("latin1") };
}

test("a server action from another site is refused, whatever X-Forwarded-Host claims; an oversized one is a 413", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("csrf"));
  const sent = await addCustomer(page, slug, "Original");
  const replay = (name: string, headers: Record<string, string>) =>
    page.request.post(sent.url, { headers: { ...sent.headers, ...headers }, data: Buffer.from(sent.body.replace("Original", name), "latin1") });

  const forged = await replay("Forged", { origin: "https://evil.example", "x-forwarded-host": "evil.example" });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("sent from another site");
  expect((await replay("Null origin", { origin: "null" })).status()).toBe(403);

  const huge = await page.request.post(sent.url, { headers: sent.headers, data: Buffer.alloc(2 * 1024 * 1024, "a") });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain("at most 1 MB");

  // The same request from the app's own origin goes through: the refusals above are about the origin and size.
  expect((await replay("Same site", {})).status()).toBe(200);
  await page.goto(`/t/${slug}/customers`);
  await expect(page.getByTestId("customer-row")).toHaveText([/Same site/, /Original/]);
});

test("a direct client's forged forwarding headers do not become its address in the activity log", async ({ page }) => {
  const slug = await signIn(page, uniqueEmail("spoof"));
  await addCustomer(page, slug, "Direct");
  await page.context().setExtraHTTPHeaders({ "x-real-ip": "6.6.6.6", "x-peer-address": "6.6.6.6" });
  await addCustomer(page, slug, "Forged");
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": "7.7.7.7" });
  await addCustomer(page, slug, "Forwarded");
  await page.goto(`/t/${slug}/activity`);
  const entry = (name: string) => page.getByTestId("activity-entry").filter({ hasText: `customer ${name}` });
  // The address is the connection's own, whatever the client wrote.
  await expect(entry("Direct")).toContainText(/from (127\.0\.0\.1|::1)/);
  await expect(entry("Forged")).toContainText(/from (127\.0\.0\.1|::1)/);
  await expect(entry("Forwarded")).toContainText(/from (127\.0\.0\.1|::1)/);
  await expect(entry("Forwarded")).not.toContainText("7.7.7.7");
});

test("a signed-in visit to sign-in with a non-Latin callback goes there, percent-encoded", async ({ page }) => {
  await signIn(page, uniqueEmail("callback"));
  const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent("/t/日本?q=ü")}`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toBe("/t/%E6%97%A5%E6%9C%AC?q=%C3%BC");
});

test("Auth.js's own endpoints: a non-Latin callback redirects, a hostile address sends nothing", async ({ request }) => {
  const callback = await request.get(`/api/auth/callback/email?callbackUrl=${encodeURIComponent("/t/日本")}&token=nope&email=a%40example.test`, { maxRedirects: 0 });
  expect(callback.status()).toBe(302);
  expect(callback.headers()["location"]).toContain("/sign-in?error=Verification");

  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const email = `bell\u0007-${Date.now()}@example.test`;
  const signIn = await request.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(signIn.status()).toBe(302);
  expect(signIn.headers()["location"]).toContain("error=");
});

test("routes outside the proxy bound their bodies: Auth.js's forms and the Stripe webhook", async ({ request }) => {
  const authForm = await request.post("/api/auth/signin/email", { form: { email: "a@example.test", csrfToken: "x".repeat(100_000) }, maxRedirects: 0 });
  expect(authForm.status()).toBe(413);
  const webhook = await request.post("/api/stripe/webhook", { headers: { "content-type": "application/json" }, data: Buffer.alloc(3 * 1024 * 1024, "a") });
  expect(webhook.status()).toBe(413);
});
