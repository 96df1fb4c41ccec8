import "server-only";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { db } from "@/db/client";
import { subscriptions, tenants } from "@/db/schema";
import { assertCan } from "@/lib/permissions/permissions";
import type { TenantContext } from "@/lib/tenants/context";
import { PAID_STATUSES } from "./statuses";
import { getStripe } from "./stripe";

export type UpcomingInvoice = { amountDue: number; currency: string; date: Date | null; quantity: number | null };

/**
 * Stripe's estimate of the next invoice (its upcoming-invoice preview, prorations of seat
 * changes included); null when there is no live subscription. Asks Stripe on every call,
 * so the page renders it in its own Suspense boundary.
 */
export async function getUpcomingInvoice(ctx: TenantContext): Promise<UpcomingInvoice | "unavailable" | null> {
  assertCan(ctx, "billing.manage", "Only owners and billing members can see billing.");
  const stripe = getStripe();
  if (!stripe) return null;
  const [row] = await db
    .select({ customer: tenants.stripeCustomerId, subscription: subscriptions.stripeSubscriptionId, status: subscriptions.status })
    .from(tenants)
    .innerJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
    .where(eq(tenants.id, ctx.tenant.id));
  if (!row?.customer || !PAID_STATUSES.includes(row.status)) return null;
  try {
    const invoice = await stripe.invoices.createPreview({ customer: row.customer, subscription: row.subscription });
    const date = invoice.next_payment_attempt ?? invoice.period_end;
    const seatLine = invoice.lines.data.find((line) => line.quantity !== null);
    return { amountDue: invoice.amount_due, currency: invoice.currency, date: date ? new Date(date * 1000) : null, quantity: seatLine?.quantity ?? null };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "invoice_upcoming_none") return null;
    console.warn("[billing] upcoming invoice preview failed:", error instanceof Error ? error.message : error);
    return "unavailable";
  }
}
