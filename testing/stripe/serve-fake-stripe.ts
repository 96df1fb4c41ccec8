// Runs the fake Stripe API for e2e tests and local demos:
//   FAKE_STRIPE_PORT=12111 FAKE_STRIPE_WEBHOOK_URL=http://localhost:3000/api/stripe/webhook \
//   STRIPE_WEBHOOK_SECRET=whsec_... npx tsx testing/stripe/serve-fake-stripe.ts
// then start the app with STRIPE_API_BASE=http://localhost:12111 and any sk_test_ key.
import { FakeStripe } from "./fake-stripe";

const fake = await new FakeStripe({
  port: Number(process.env.FAKE_STRIPE_PORT ?? 12111),
  webhookUrl: process.env.FAKE_STRIPE_WEBHOOK_URL,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
}).start();
console.log(`Fake Stripe listening on ${fake.url}, webhooks to ${process.env.FAKE_STRIPE_WEBHOOK_URL ?? "(none)"}`);
