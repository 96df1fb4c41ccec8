import "server-only";
import Stripe from "stripe";

export type UpcomingInvoice = { amountDue: number; currency: string; date: Date | null; quantity: number | null };

/**
 * Stripe's estimate of a live subscription's next invoice (its upcoming-invoice preview,
 * prorations of seat changes included). Never throws: a failure is "unavailable", so the
 * page says so instead of failing. For getBillingOverview, which has checked the right
 * to see billing and read the tenant's own subscription.
 */
export async function previewNextInvoice(stripe: Stripe, subscription: { customer: string; id: string }): Promise<UpcomingInvoice | "unavailable" | null> {
  try {
    const invoice = await stripe.invoices.createPreview({ customer: subscription.customer, subscription: subscription.id });
    const date = invoice.next_payment_attempt ?? invoice.period_end;
    const seatLine = invoice.lines.data.find((line) => line.quantity !== null);
    return { amountDue: invoice.amount_due, currency: invoice.currency, date: date ? new Date(date * 1000) : null, quantity: seatLine?.quantity ?? null };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "invoice_upcoming_none") return null;
    console.warn("[billing] upcoming invoice preview failed:", error instanceof Error ? error.message : error);
    return "unavailable";
  }
}
