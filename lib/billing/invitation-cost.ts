import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { formatDate } from "@/lib/format/dates";
import { getViewer } from "@/lib/format/viewer";
import { can } from "@/lib/permissions/permissions";
import { currentPlanOf, formatPrice } from "@/lib/plans/plans";
import type { TenantContext } from "@/lib/tenancy/context";
import { PAID_STATUSES } from "./statuses";

/**
 * What one more member costs, for a person who sees billing, before they invite: on a
 * per-seat plan, the plan's price per seat for the subscription's interval (Stripe's
 * proration and taxes aside, hence "about"). Null on other plans and for other roles,
 * without a query.
 */
export async function getInvitationCost(ctx: TenantContext): Promise<string | null> {
  const plan = currentPlanOf(ctx.tenant);
  if (!plan.perSeat || !can(ctx.role, "billing.manage")) return null;
  const [subscription] = await db
    .select({ status: subscriptions.status, interval: subscriptions.interval, periodEnd: subscriptions.currentPeriodEnd })
    .from(subscriptions)
    .where(eq(subscriptions.tenantId, ctx.tenant.id));
  const live = subscription && PAID_STATUSES.includes(subscription.status);
  const interval = live && subscription.interval === "year" ? "year" : "month";
  const price = plan.prices[interval];
  if (!price) return null;
  const cost = `adds 1 seat, about ${formatPrice(price)} per ${interval}`;
  if (live && subscription.status === "trialing" && subscription.periodEnd) {
    return `Free until your trial ends on ${formatDate(subscription.periodEnd, await getViewer())}; then, once accepted, this invitation ${cost}.`;
  }
  if (live) return `Once accepted, this invitation ${cost}.`;
  if (ctx.tenant.trialEndsAt) return `Free during your trial; once you subscribe, this invitation ${cost}.`;
  return null;
}
