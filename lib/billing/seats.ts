import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ENDED_SUBSCRIPTION_STATUSES, memberships, subscriptions, tenants } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { planOf } from "@/lib/plans/plans";
import { requestKey } from "./idempotency";
import { requireStripe } from "./stripe";

/**
 * The seats a per-seat plan bills: members. A pending invitation holds a seat against
 * the plan's member limit but is billed only once accepted, so nobody pays for an
 * invitation that is never answered.
 */
export async function billedSeatsOf(executor: Executor, tenantId: string): Promise<number> {
  const [row] = await executor.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(memberships).where(eq(memberships.tenantId, tenantId));
  return row?.count ?? 0;
}

/**
 * Call in the transaction of every change to the member count: when the tenant pays
 * per seat, queues the job that sets the subscription's quantity to the count. The job
 * reads the count when it runs, so a burst of changes ends in one correct quantity.
 */
export async function queueSeatSync(tx: Executor, tenantId: string): Promise<void> {
  const [row] = await tx
    .select({ planId: tenants.planId })
    .from(tenants)
    .innerJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
    .where(eq(tenants.id, tenantId));
  if (row && planOf(row.planId).perSeat) await enqueueJob("billing-sync-seats", { tenantId }, { executor: tx });
}

export type SeatSyncResult =
  | { outcome: "skipped"; reason: string }
  | { outcome: "unchanged"; quantity: number }
  | { outcome: "updated"; from: number; to: number; changedInStripe: boolean };

/**
 * The `billing-sync-seats` job: makes the subscription's quantity the member count.
 * Jobs of one tenant run one at a time (an advisory lock held through the Stripe call),
 * and each sets the count it reads then rather than adding to Stripe's, so the last one
 * to run leaves the right number whatever the order. A quantity Stripe reports other
 * than the one this app last asked for was changed in Stripe (dashboard, portal): it is
 * set back to the count, and the activity log says so. Throws while Stripe fails: the
 * queue retries, and the job id keys the request so a retry cannot apply twice.
 */
export async function syncSeatQuantity({ tenantId }: { tenantId: string }, job: { id: string }): Promise<SeatSyncResult> {
  const stripe = requireStripe();
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`billing-seats:${tenantId}`}, 0))`);
    const [row] = await tx
      .select({ planId: tenants.planId, subscriptionId: subscriptions.stripeSubscriptionId, requested: subscriptions.requestedQuantity })
      .from(tenants)
      .leftJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
      .where(eq(tenants.id, tenantId));
    const perSeat = row && planOf(row.planId).perSeat;
    if (!row?.subscriptionId || !perSeat) return { outcome: "skipped", reason: "not on a per-seat subscription" };

    const subscription = await stripe.subscriptions.retrieve(row.subscriptionId);
    const item = subscription.items.data[0];
    if (!item || ENDED_SUBSCRIPTION_STATUSES.includes(subscription.status)) return { outcome: "skipped", reason: `subscription ${subscription.status}` };

    const seats = Math.max(await billedSeatsOf(tx, tenantId), 1);
    const current = item.quantity ?? 1;
    const changedInStripe = row.requested !== null && current !== row.requested;
    if (current !== seats) {
      const params = { quantity: seats, proration_behavior: perSeat.proration };
      await stripe.subscriptionItems.update(item.id, params, { idempotencyKey: requestKey(`seats:${job.id}`, params) });
    }
    await tx.update(subscriptions).set({ quantity: seats, requestedQuantity: seats, syncedAt: new Date() }).where(eq(subscriptions.tenantId, tenantId));
    if (current === seats) return { outcome: "unchanged", quantity: seats };
    if (changedInStripe) {
      await recordActivity(tx, {
        tenantId,
        actor: null,
        actorLabel: "Billing",
        ip: null,
        action: "billing.seats_corrected",
        metadata: { stripe: current, members: seats },
      });
    }
    return { outcome: "updated", from: current, to: seats, changedInStripe };
  });
}
