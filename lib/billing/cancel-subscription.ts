import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { ENDED_SUBSCRIPTION_STATUSES, tenants } from "@/db/schema";
import type { JobPayload } from "@/lib/jobs/definitions";
import { requireStripe } from "./stripe";
import { syncTenantBilling } from "./sync";

/**
 * The `billing-cancel-subscription` job: ends, now, every subscription of a deleted
 * workspace's Stripe customer made before `before` (no proration refund is made here;
 * Stripe's defaults apply), then reads Stripe back so the plan and its history say so.
 * Throws while Stripe cannot be reached: the queue retries. Run twice, it finds them
 * ended and only syncs.
 */
export async function cancelSubscriptionNow({ tenantId, before }: JobPayload<"billing-cancel-subscription">) {
  const stripe = requireStripe();
  const [tenant] = await db.select({ customer: tenants.stripeCustomerId }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant?.customer) return { cancelled: 0 };
  const cutoff = Date.parse(before) / 1000;
  const { data } = await stripe.subscriptions.list({ customer: tenant.customer, status: "all", limit: 100 });
  let cancelled = 0;
  for (const subscription of data) {
    if (ENDED_SUBSCRIPTION_STATUSES.includes(subscription.status) || subscription.created >= cutoff) continue;
    await stripe.subscriptions.cancel(subscription.id);
    cancelled++;
  }
  await syncTenantBilling(tenantId, { source: "stripe" });
  return { cancelled };
}
