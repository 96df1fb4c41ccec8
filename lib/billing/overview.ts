import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { subscriptions, tenants } from "@/db/schema";
import { seatsOf, usageOf } from "@/lib/plans/limits";
import { planOf, type LimitName, type Plan } from "@/lib/plans/plans";
import { assertCan } from "@/lib/permissions/permissions";
import type { TenantContext } from "@/lib/tenants/context";
import { getStripe } from "./stripe";

export type BillingOverview = {
  configured: boolean;
  plan: Plan;
  hasCustomer: boolean;
  subscription: (typeof subscriptions.$inferSelect) | null;
  usage: Partial<Record<LimitName, number>>;
  seats: { members: number; pendingInvitations: number };
};

/** What the billing page shows: plan, subscription as last synced, and use against limits. */
export async function getBillingOverview(ctx: TenantContext): Promise<BillingOverview> {
  assertCan(ctx, "billing.manage", "Only owners and billing members can see billing.");
  // Read afresh, side by side: the page may have just completed a checkout.
  const [[tenant], [subscription], usage, seats] = await Promise.all([
    db.select({ planId: tenants.planId, stripeCustomerId: tenants.stripeCustomerId }).from(tenants).where(eq(tenants.id, ctx.tenant.id)),
    db.select().from(subscriptions).where(eq(subscriptions.tenantId, ctx.tenant.id)),
    usageOf(ctx, db),
    seatsOf(ctx, db),
  ]);
  return {
    configured: getStripe() !== null,
    plan: planOf(tenant?.planId ?? "free"),
    hasCustomer: Boolean(tenant?.stripeCustomerId),
    subscription: subscription ?? null,
    usage,
    seats,
  };
}
