import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/db/client";
import { stripeEvents, tenants } from "@/db/schema";
import { getEnv } from "@/lib/env/env";
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

type Reply = { status: number; body: Record<string, unknown> };

function customerOf(object: unknown): string | null {
  const customer = (object as { customer?: string | { id: string } | null }).customer;
  return typeof customer === "string" ? customer : (customer?.id ?? null);
}

/**
 * Verifies a webhook delivery on its raw body, skips an event already handled, and
 * syncs the customer's tenant from Stripe. A failure answers 500, so Stripe retries.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<Reply> {
  const stripe = getStripe();
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return { status: 404, body: { error: "Billing is not configured" } };
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header" } };

  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret); // checks the timestamp too (5 minutes)
  } catch {
    return { status: 400, body: { error: "Invalid signature" } };
  }

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
