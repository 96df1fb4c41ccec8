import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { OUTBOX_TOKEN } from "./e2e/helpers";

// Each run gets its own server on its own port and a fresh embedded database.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
const dataDir = `.data/e2e-${port}`;
// The fake Stripe API (Stripe itself is unreachable from CI) runs beside the app.
const stripePort = port + 1;
const webhookSecret = "whsec_e2e_only_secret";

// Playwright cannot download browsers everywhere; use the system Chromium when there is one.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
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
    },
  },
  webServer: [
    {
      command: "npx tsx testing/stripe/serve-fake-stripe.ts",
      url: `http://localhost:${stripePort}/v1/prices`, // answers 401 without a key: up
      timeout: 60_000,
      reuseExistingServer: false,
      env: {
        FAKE_STRIPE_PORT: String(stripePort),
        FAKE_STRIPE_WEBHOOK_URL: `${baseURL}/api/stripe/webhook`,
        STRIPE_WEBHOOK_SECRET: webhookSecret,
      },
    },
    {
    // A production build (`npm run build` first; `npm run test:e2e` does both).
    command: `rm -rf ${dataDir} && npx next start -p ${port}`,
    url: baseURL,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_DEBUG ? "pipe" : "ignore",
    env: {
      DATABASE_URL: "",
      PGLITE_DATA_DIR: dataDir,
      // A production build may show mail at /dev/outbox only as a demo, to holders of the token.
      EMAIL_OUTBOX: "true",
      DEMO_MODE: "true",
      OUTBOX_TOKEN,
      EMAIL_SERVER: "",
      AUTH_SECRET: "e2e-only-secret-e2e-only-secret-e2e-only-secret",
      AUTH_URL: baseURL,
      // Browsers connect to `next start` directly.
      TRUSTED_PROXY: "none",
      // Every e2e user signs in from this machine's address.
      MAGIC_LINK_LIMIT_PER_IP: "10000",
      STRIPE_SECRET_KEY: "sk_test_e2e_fake",
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_BASE: `http://localhost:${stripePort}`,
      // The e2e webhook receiver runs on this machine: a production build refuses that by default.
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    },
    },
  ],
});
