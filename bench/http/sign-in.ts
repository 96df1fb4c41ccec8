// Signs in through the app's real magic-link flow in Chromium, as e2e/helpers.ts does:
// the sign-in form, the link from the development outbox (/dev/outbox), then the link.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

const SESSION_COOKIE = "authjs.session-token";

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/** The session cookie's value after `email` signs in at `baseUrl`. */
export async function signInByMagicLink(browser: Browser, baseUrl: string, email: string, outboxToken: string): Promise<string> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    // The mail goes out through the job queue, a moment after it is asked for.
    let href: string | null = null;
    for (let attempt = 0; attempt < 60 && !href; attempt++) {
      if (attempt > 0) await page.waitForTimeout(250);
      await page.goto(`/dev/outbox?token=${encodeURIComponent(outboxToken)}`);
      const message = page
        .getByTestId("outbox-message")
        .filter({ has: page.getByTestId("outbox-to").getByText(email, { exact: true }) })
        .first();
      const link = message.locator('a[href*="/api/auth/callback/email"]').first();
      href = (await link.count()) > 0 ? await link.getAttribute("href") : null;
    }
    if (!href) throw new Error(`No sign-in link for ${email} in /dev/outbox`);
    await page.goto(href);
    await page.waitForURL((url) => url.pathname.startsWith("/t"));

    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`Signed in, but there is no ${SESSION_COOKIE} cookie (landed on ${page.url()})`);
    return cookie.value;
  } finally {
    await context.close();
  }
}

export const sessionCookieHeader = (token: string) => `${SESSION_COOKIE}=${token}`;
export { SESSION_COOKIE };
