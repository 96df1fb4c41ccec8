import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ENDED_SUBSCRIPTION_STATUSES, memberships, subscriptions, tenants } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type Stripe from "stripe";
import { PLANS, planOf } from "@/lib/plans/plans";
import { requestKey } from "./idempotency";
import { planOfPrice } from "./prices";
import { PAID_STATUSES } from "./statuses";
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
    .select({ planId: tenants.planId, status: subscriptions.status })
    .from(tenants)
    .innerJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
    .where(eq(tenants.id, tenantId));
  if (row && PAID_STATUSES.includes(row.status) && planOf(row.planId).perSeat) await queueSeatJob(tx, tenantId);
}

/** Queues the seats job and notes since when the quantity waits for it (kept from the first of a burst). */
export async function queueSeatJob(tx: Executor, tenantId: string): Promise<void> {
  await tx
    .update(subscriptions)
    .set({ quantityPendingSince: sql`coalesce(${subscriptions.quantityPendingSince}, now())` })
    .where(eq(subscriptions.tenantId, tenantId));
  await enqueueJob("billing-sync-seats", { tenantId }, { executor: tx });
}

/**
 * The quantity a subscription item should have: the member count on a per-seat price,
 * 1 on any other (a plan switched in the portal keeps the item's quantity, so leaving a
 * per-seat plan must bring it back to 1). Judged by Stripe's price, not the tenant's
 * plan, which may not have been synced yet.
 */
export function seatTarget(price: Pick<Stripe.Price, "id" | "lookup_key">, members: number): number {
  const mapped = planOfPrice(price);
  return mapped && PLANS[mapped.planId].perSeat ? Math.max(members, 1) : 1;
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
    if (!row?.subscriptionId) return { outcome: "skipped", reason: "no subscription" };

    const subscription = await stripe.subscriptions.retrieve(row.subscriptionId);
    const item = subscription.items.data[0];
    if (!item || ENDED_SUBSCRIPTION_STATUSES.includes(subscription.status)) {
      await tx.update(subscriptions).set({ quantityPendingSince: null }).where(eq(subscriptions.tenantId, tenantId));
      return { outcome: "skipped", reason: `subscription ${subscription.status}` };
    }

    const members = await billedSeatsOf(tx, tenantId);
    const seats = seatTarget(item.price, members);
    const current = item.quantity ?? 1;
    const changedInStripe = row.requested !== null && current !== row.requested;
    if (current !== seats) {
      const mapped = planOfPrice(item.price);
      const proration = (mapped && PLANS[mapped.planId].perSeat?.proration) ?? planOf(row.planId).perSeat?.proration ?? "create_prorations";
      const params = { quantity: seats, proration_behavior: proration };
      // The quantity seen is in the key: after an outside change between two attempts, the retry is a new request.
      await stripe.subscriptionItems.update(item.id, params, { idempotencyKey: requestKey(`seats:${job.id}:${current}`, params) });
    }
    await tx
      .update(subscriptions)
      .set({ quantity: seats, requestedQuantity: seats, quantityPendingSince: null, syncedAt: new Date() })
      .where(eq(subscriptions.tenantId, tenantId));
    if (current === seats) return { outcome: "unchanged", quantity: seats };
    if (changedInStripe) {
      await recordActivity(tx, {
        tenantId,
        actor: null,
        actorLabel: "Billing",
        ip: null,
        action: "billing.seats_corrected",
        metadata: { stripe: current, members, set: seats },
      });
    }
    return { outcome: "updated", from: current, to: seats, changedInStripe };
  });
}
