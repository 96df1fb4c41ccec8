import "server-only";
import type { JobPayload } from "@/lib/jobs/definitions";
import { requireStripe } from "./stripe";
import { syncTenantBilling } from "./sync";

const ENDED = ["canceled", "incomplete_expired"];

/**
 * The `billing-cancel-subscription` job: ends a deleted workspace's subscription now
 * (no proration refund is made here; Stripe's defaults apply), then reads Stripe back so
 * the plan and its history say so. Throws while Stripe cannot be reached: the queue
 * retries. Run twice, it finds the subscription already ended and only syncs.
 */
export async function cancelSubscriptionNow({ tenantId, stripeSubscriptionId }: JobPayload<"billing-cancel-subscription">) {
  const stripe = requireStripe();
  const subscription = await stripe.subscriptions.retrieve(stripeSubscriptionId);
  if (!ENDED.includes(subscription.status)) await stripe.subscriptions.cancel(stripeSubscriptionId);
  return syncTenantBilling(tenantId, { source: "stripe" });
}
