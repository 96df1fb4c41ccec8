// For vitest files that talk to the fake Stripe through the app's own client.
import { afterAll, beforeAll, vi } from "vitest";
import { FakeStripe } from "./fake-stripe";

/**
 * A fake Stripe for one test file: started before its tests, stopped after. `configure()`
 * points the app's Stripe settings at it (call it per test: tests that want billing
 * unconfigured leave it out, after `vi.unstubAllEnvs()`).
 */
export function fakeStripeForTests(webhookSecret = "whsec_test") {
  const fake = new FakeStripe({ webhookSecret });
  beforeAll(() => fake.start());
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake.stop();
  });
  return {
    fake,
    webhookSecret,
    configure() {
      vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_fake");
      vi.stubEnv("STRIPE_WEBHOOK_SECRET", webhookSecret);
      vi.stubEnv("STRIPE_API_BASE", fake.url);
    },
  };
}
