import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/db/client";
import { tenants } from "@/db/schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";
import { parseOrThrow } from "@/lib/validation";
import { PLANS } from "@/lib/plans/plans";
import { requestKey } from "./idempotency";
import { resolvePriceId } from "./prices";
import { billedSeatsOf } from "./seats";
import { checkoutSchema, type CheckoutInput } from "./schemas";
import { requireStripe } from "./stripe";
import { PAID_STATUSES } from "./statuses";
import { syncTenantBilling } from "./sync";

const BILLING_DENIED = "Only owners and billing members can manage billing.";

/** The tenant's one Stripe customer, made once (the row lock and idempotency key stop doubles). */
async function ensureStripeCustomer(ctx: TenantContext, stripe: Stripe): Promise<string> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, ctx.tenant.id)).for("update");
    if (!tenant) throw new NotFoundError();
    if (tenant.stripeCustomerId) return tenant.stripeCustomerId;
    const customer = await stripe.customers.create(
      { name: tenant.name, metadata: { tenant_id: tenant.id, tenant_slug: tenant.slug } },
      { idempotencyKey: `customer:${tenant.id}` },
    );
    await tx.update(tenants).set({ stripeCustomerId: customer.id }).where(eq(tenants.id, tenant.id));
    return customer.id;
  });
}

/** Stripe takes a trial end at least 48 hours ahead; a trial closer to its end is charged at once. */
const STRIPE_MIN_TRIAL_MS = 49 * 3600_000;

/** Whether a free trial ending then carries on in Stripe, the card given at Checkout charged at its end. */
export function trialCarriesIntoStripe(trialEndsAt: Date | null, now = new Date()): trialEndsAt is Date {
  return trialEndsAt !== null && trialEndsAt.getTime() - now.getTime() >= STRIPE_MIN_TRIAL_MS;
}

function carriedTrial(trialEndsAt: Date | null): { trial_end?: number } {
  return trialCarriesIntoStripe(trialEndsAt) ? { trial_end: Math.floor(trialEndsAt.getTime() / 1000) } : {};
}

/** A Stripe Checkout page for a paid plan (on a per-seat plan, one seat per member); returns its URL. */
export async function startCheckout(ctx: TenantContext, input: CheckoutInput, appUrl: string): Promise<string> {
  assertCan(ctx, "billing.manage", BILLING_DENIED);
  const { planId, interval } = parseOrThrow(checkoutSchema, input);
  const stripe = requireStripe();
  const customer = await ensureStripeCustomer(ctx, stripe);
  // The local row is only as fresh as the last webhook: ask Stripe itself before
  // opening a second Checkout that would bill the tenant twice.
  const live = await stripe.subscriptions.list({ customer, status: "all", limit: 20 });
  if (live.data.some((s) => PAID_STATUSES.includes(s.status))) {
    throw new UserError("This workspace already has a subscription. Change its plan in the billing portal.");
  }
  const price = await resolvePriceId(stripe, planId, interval);
  const billingUrl = `${appUrl}${tenantPath(ctx.tenant.slug, "billing")}`;
  const [tenant] = await db.select({ trialEndsAt: tenants.trialEndsAt }).from(tenants).where(eq(tenants.id, ctx.tenant.id));
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "subscription",
    customer,
    line_items: [{ price, quantity: PLANS[planId].perSeat ? Math.max(await billedSeatsOf(db, ctx.tenant.id), 1) : 1 }],
    client_reference_id: ctx.tenant.id,
    metadata: { tenant_id: ctx.tenant.id },
    subscription_data: { metadata: { tenant_id: ctx.tenant.id }, ...carriedTrial(tenant?.trialEndsAt ?? null) },
    allow_promotion_codes: true,
    success_url: `${billingUrl}?checkout={CHECKOUT_SESSION_ID}`,
    cancel_url: `${billingUrl}?checkout=canceled`,
  };
  // A double click within the minute gets the same session, not two. The key covers the
  // parameters too: Stripe refuses a key reused with other ones (another host name, a
  // renamed tenant) for 24 hours, which would lock the tenant out of Checkout.
  const session = await stripe.checkout.sessions.create(params, { idempotencyKey: requestKey(`checkout:${ctx.tenant.id}:${Math.floor(Date.now() / 60_000)}`, params) });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}

/**
 * On return from Checkout: syncs at once, so the new plan shows without waiting for
 * the webhook. The session must belong to this tenant's Stripe customer.
 */
export async function completeCheckout(ctx: TenantContext, sessionId: string) {
  assertCan(ctx, "billing.manage", BILLING_DENIED);
  const stripe = requireStripe();
  const [tenant] = await db.select({ customer: tenants.stripeCustomerId }).from(tenants).where(eq(tenants.id, ctx.tenant.id));
  const session = await stripe.checkout.sessions.retrieve(sessionId).catch(() => null);
  const customer = typeof session?.customer === "string" ? session.customer : session?.customer?.id;
  if (!session || !tenant?.customer || customer !== tenant.customer) throw new NotFoundError("Checkout session not found");
  return syncTenantBilling(ctx.tenant.id, { source: "user", user: ctx.user });
}

/** A Stripe Customer Portal session (change card, switch plan, cancel); returns its URL. */
export async function openBillingPortal(ctx: TenantContext, appUrl: string): Promise<string> {
  assertCan(ctx, "billing.manage", BILLING_DENIED);
  const stripe = requireStripe();
  const [tenant] = await db.select({ customer: tenants.stripeCustomerId }).from(tenants).where(eq(tenants.id, ctx.tenant.id));
  if (!tenant?.customer) throw new UserError("There is no billing account yet. Choose a paid plan first.");
  const session = await stripe.billingPortal.sessions.create({
    customer: tenant.customer,
    return_url: `${appUrl}${tenantPath(ctx.tenant.slug, "billing")}`,
  });
  return session.url;
}
