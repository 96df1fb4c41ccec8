/** Statuses that keep the paid plan. past_due keeps it while Stripe retries, with a warning. */
export const PAID_STATUSES: readonly string[] = ["active", "trialing", "past_due"];
