import "server-only";
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/db/client";
import { ENDED_SUBSCRIPTION_STATUSES, planChanges, subscriptions, tenants } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { planOf, type PlanId } from "@/lib/plans/plans";
import type { SessionUser } from "@/lib/tenancy/context";
import { planOfPrice } from "./prices";
import { billedSeatsOf, queueSeatJob, seatTarget } from "./seats";
import { convertTrial } from "./trials";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { PAID_STATUSES } from "./statuses";
import { requireStripe } from "./stripe";


// When a customer has several subscriptions, the one that matters most.
const STATUS_RANK = ["active", "trialing", "past_due", "unpaid", "paused", "incomplete", "incomplete_expired", "canceled"];
const rank = (s: Stripe.Subscription) => {
  const i = STATUS_RANK.indexOf(s.status);
  return i === -1 ? STATUS_RANK.length : i;
};

function currentSubscription(list: Stripe.Subscription[]): Stripe.Subscription | null {
  return [...list].sort((a, b) => rank(a) - rank(b) || b.created - a.created)[0] ?? null;
}

export type SyncSource = { source: "stripe"; eventId?: string } | { source: "user"; user: Pick<SessionUser, "id" | "name" | "email"> };

/**
 * Makes the tenant's plan and subscription what Stripe says now. It reads Stripe
 * rather than trusting any event's payload, under a lock on the tenant's row, so
 * events in any order and any number of repeats end in Stripe's current state.
 */
export async function syncTenantBilling(tenantId: string, origin: SyncSource): Promise<{ planId: PlanId; status: string | null }> {
  const stripe = requireStripe();
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    if (!tenant) throw new Error(`Tenant ${tenantId} not found`);
    if (!tenant.stripeCustomerId) return { planId: planOf(tenant.planId).id, status: null };

    const { data } = await stripe.subscriptions.list({ customer: tenant.stripeCustomerId, status: "all", limit: 20 });
    const current = currentSubscription(data);
    const item = current?.items.data[0];
    const mapped = item ? planOfPrice(item.price) : null;

    const paid = Boolean(current && PAID_STATUSES.includes(current.status));
    let planId: PlanId = "free";
    if (paid) {
      // A price this app does not know keeps the plan the tenant has, rather than guessing.
      planId = mapped?.planId ?? planOf(tenant.planId).id;
    } else if (tenant.trialEndsAt) {
      // A free trial without a subscription: its end is the trial clock's to record.
      planId = planOf(tenant.planId).id;
    }
    // Subscribing during a trial converts it (Stripe may carry on the trial, with a card).
    const convertedFrom = paid && tenant.trialEndsAt ? await convertTrial(tx, tenantId) : null;

    const [previous] = await tx.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
    const status = current?.status ?? null;
    if (planId !== tenant.planId || (previous?.status ?? null) !== status) {
      await emitWebhookEvent(tx, tenantId, {
        type: "subscription.changed",
        data: { plan: planId, previous_plan: planOf(tenant.planId).id, status },
      });
    }

    if (current) {
      const values = {
        stripeSubscriptionId: current.id,
        status: current.status,
        stripePriceId: item?.price.id ?? null,
        interval: item?.price.recurring?.interval ?? null,
        currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
        cancelAtPeriodEnd: current.cancel_at_period_end,
        cancelAt: current.cancel_at ? new Date(current.cancel_at * 1000) : null,
        quantity: item?.quantity ?? null,
        syncedAt: new Date(),
      };
      // What the app asked for stays while the subscription does; a new one starts from its own quantity.
      const requestedQuantity = sql`CASE WHEN ${subscriptions.stripeSubscriptionId} = ${current.id} THEN ${subscriptions.requestedQuantity} ELSE ${values.quantity} END`;
      await tx
        .insert(subscriptions)
        .values({ tenantId, ...values, requestedQuantity: values.quantity })
        .onConflictDoUpdate({ target: subscriptions.tenantId, set: { ...values, requestedQuantity } });
      // Converge: a quantity other than its target (a per-seat one changed in Stripe or not yet
      // synced, a flat one left at the seats of a per-seat plan) gets the seats job, which corrects it.
      if (paid && item && item.quantity !== seatTarget(item.price, await billedSeatsOf(tx, tenantId))) {
        await queueSeatJob(tx, tenantId);
      }
    } else {
      await tx.delete(subscriptions).where(eq(subscriptions.tenantId, tenantId));
    }

    // A deleted workspace must not pay: a subscription that appears after the deletion
    // (a Checkout finished meanwhile, a webhook late) is cancelled like the first.
    if (tenant.deletedAt && data.some((s) => !ENDED_SUBSCRIPTION_STATUSES.includes(s.status))) {
      await enqueueJob("billing-cancel-subscription", { tenantId, before: new Date(Date.now() + 60_000).toISOString() }, { executor: tx });
    }

    if (planId !== tenant.planId || convertedFrom) {
      const actor = { actor: origin.source === "user" ? origin.user : null, actorLabel: "Stripe", ip: null, tenantId };
      await tx.update(tenants).set({ planId }).where(eq(tenants.id, tenantId));
      await tx.insert(planChanges).values({
        tenantId,
        fromPlan: tenant.planId,
        toPlan: planId,
        source: origin.source,
        changedById: origin.source === "user" ? origin.user.id : null,
        stripeEventId: origin.source === "stripe" ? (origin.eventId ?? null) : null,
        reason: convertedFrom ? "trial_converted" : null,
      });
      if (convertedFrom) {
        await recordActivity(tx, { ...actor, action: "billing.trial_ended", metadata: { plan: planOf(convertedFrom).name, outcome: "converted", to: planOf(planId).name } });
      }
      if (planId !== tenant.planId) {
        await recordActivity(tx, {
          ...actor,
          action: "billing.plan_changed",
          metadata: { from: planOf(tenant.planId).name, to: planOf(planId).name, status: current?.status ?? null },
        });
      }
    }
    return { planId, status: current?.status ?? null };
  });
}
