import "server-only";
import { eq, or } from "drizzle-orm";
import { db } from "@/db/client";
import { tenantScope } from "@/lib/tenancy/scope";
import { subscriptions, tenants, trials } from "@/db/schema";
import { assertCan } from "@/lib/permissions/permissions";
import { usageOf } from "@/lib/plans/limits";
import { currentPlanOf, type LimitName, type Plan } from "@/lib/plans/plans";
import type { TenantContext } from "@/lib/tenancy/context";
import { PAID_STATUSES } from "./statuses";
import { getStripe } from "./stripe";
import { trialRefusalOf, type Trial, type TrialRefusal } from "./trials";
import { previewNextInvoice, type UpcomingInvoice } from "./upcoming-invoice";

export type BillingOverview = {
  configured: boolean;
  plan: Plan;
  hasCustomer: boolean;
  subscription: (typeof subscriptions.$inferSelect) | null;
  usage: Partial<Record<LimitName, number>>;
  /** Members, pending invitations, and on a per-seat subscription the seats Stripe bills. */
  seats: { members: number; pendingInvitations: number; paid: number | null };
  /** This workspace's trial, running or ended; null if it never had one. */
  trial: Trial | null;
  /** Why a trial cannot be started now, or null when the viewer may start one. */
  trialRefusal: TrialRefusal | null;
  /** Stripe's estimate of the next invoice, asked for at once but not awaited: render it in its own Suspense boundary. */
  nextInvoice: Promise<UpcomingInvoice | "unavailable" | null>;
};

/** What the billing page shows: plan, subscription as last synced, trial, and use against limits. */
export async function getBillingOverview(ctx: TenantContext): Promise<BillingOverview> {
  assertCan(ctx, "billing.manage", "Only owners and billing members can see billing.");
  // Read afresh, side by side: the page may have just completed a checkout.
  const [[tenant], [subscription], { usage, seats }, trialRows] = await Promise.all([
    db.select({ planId: tenants.planId, trialEndsAt: tenants.trialEndsAt, stripeCustomerId: tenants.stripeCustomerId }).from(tenants).where(eq(tenants.id, ctx.tenant.id)),
    db.select().from(subscriptions).where(eq(subscriptions.tenantId, ctx.tenant.id)),
    usageOf(tenantScope(ctx)),
    db.select().from(trials).where(or(eq(trials.tenantId, ctx.tenant.id), eq(trials.startedById, ctx.user.id))),
  ]);
  const plan = currentPlanOf(tenant ?? { planId: "free", trialEndsAt: null });
  const live = subscription && PAID_STATUSES.includes(subscription.status);
  const stripe = getStripe();
  return {
    configured: stripe !== null,
    plan,
    hasCustomer: Boolean(tenant?.stripeCustomerId),
    subscription: subscription ?? null,
    usage,
    seats: { ...seats, paid: live && plan.perSeat ? subscription.quantity : null },
    trial: trialRows.find((t) => t.tenantId === ctx.tenant.id) ?? null,
    trialRefusal: trialRefusalOf(ctx, trialRows, plan),
    nextInvoice:
      stripe && live && tenant?.stripeCustomerId
        ? previewNextInvoice(stripe, { customer: tenant.stripeCustomerId, id: subscription.stripeSubscriptionId })
        : Promise.resolve(null),
  };
}
