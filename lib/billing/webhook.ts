import "server-only";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import type { z } from "zod";
import { db } from "@/db/client";
import { stripeEvents, tenants } from "@/db/schema";
import { getEnv } from "@/lib/env/env";
import { webhookEventSchema } from "./schemas";
import { getStripe } from "./stripe";
import { syncTenantBilling } from "./sync";

export const HANDLED_EVENTS = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
]);

/** How far a signed timestamp may be from our clock, either way (Stripe's default tolerance). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
/** Stripe's events are kilobytes; a body over this is refused unread. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

type Reply = { status: number; body: Record<string, unknown> };
const refuse = (error: string): Reply => ({ status: 400, body: { error } });

/** The header's t=, when there is exactly one and it is a plain number (the SDK would take the last). */
function signedAt(header: string): number | null {
  const stamps = header.split(",").filter((part) => part.startsWith("t="));
  return stamps.length === 1 && /^t=\d{1,12}$/.test(stamps[0]!) ? Number(stamps[0]!.slice(2)) : null;
}

function customerOf(object: z.output<typeof webhookEventSchema>["data"]["object"]): string | null {
  return typeof object.customer === "string" ? object.customer : (object.customer?.id ?? null);
}

/**
 * Verifies a webhook delivery on its raw body, skips an event already handled, and
 * syncs the customer's tenant from Stripe. Anything wrong with the delivery itself
 * answers 400 and changes nothing; a failure to process it answers 500, so Stripe retries.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<Reply> {
  const stripe = getStripe();
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return { status: 404, body: { error: "Billing is not configured" } };
  if (!signature) return refuse("Missing Stripe-Signature header");

  // The SDK only refuses old timestamps; a future one is as suspect (a replay signed ahead of time).
  const timestamp = signedAt(signature);
  if (timestamp === null) return refuse("Malformed Stripe-Signature header: it needs exactly one numeric t=");
  if (Math.abs(Math.floor(Date.now() / 1000) - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    return refuse(`Stripe-Signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from now (stale or future-dated)`);
  }

  let payload: unknown;
  try {
    payload = stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) return refuse("Invalid signature");
    return refuse("The signed body is not a Stripe event: not JSON, or a thin (v2) event");
  }
  const parsed = webhookEventSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(`The signed body is not a Stripe event: ${issue.path.join(".") || "body"} ${issue.message}`);
  }
  const event = parsed.data;

  const [seen] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
  if (seen?.processedAt) return { status: 200, body: { received: true, duplicate: true } };
  if (!seen) await db.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing();

  if (HANDLED_EVENTS.has(event.type)) {
    const customer = customerOf(event.data.object);
    const [tenant] = customer ? await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.stripeCustomerId, customer)) : [];
    // A customer this app did not make (another app on the same account) is not ours to sync.
    if (tenant) await syncTenantBilling(tenant.id, { source: "stripe", eventId: event.id });
  }
  await db.update(stripeEvents).set({ processedAt: new Date() }).where(eq(stripeEvents.id, event.id));
  return { status: 200, body: { received: true } };
}
