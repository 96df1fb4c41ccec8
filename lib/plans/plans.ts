/**
 * The product's plans, defined once. Every tenant is on exactly one; `free` is the
 * default. A paid plan's Stripe price is found by the environment variable named in
 * `priceEnv` (a price id), else by its `lookupKey` in Stripe.
 */
export const PLAN_IDS = ["free", "pro", "business", "enterprise"] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export const BILLING_INTERVALS = ["month", "year"] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

/** A limit per tenant; null is unlimited. */
export type Limits = { members: number | null; customers: number | null; apiKeys: number | null; webhookEndpoints: number | null };
export type LimitName = keyof Limits;

export type PlanPrice = { amount: number; currency: "usd"; priceEnv: string; lookupKey: string };

export type Plan = {
  id: PlanId;
  name: string;
  description: string;
  features: string[];
  limits: Limits;
  /** Self-serve prices per interval (per seat on a per-seat plan); none for free and for contact-us plans. */
  prices: Partial<Record<BillingInterval, PlanPrice>>;
  contactSales?: boolean;
  /**
   * Priced per seat: the subscription's quantity follows the member count (pending
   * invitations are not billed until accepted), and a change is prorated as declared.
   */
  perSeat?: { proration: SeatProration };
  /** Days of a free trial without a card; a workspace gets one trial, an owner one in all. */
  trialDays?: number;
};

/** Stripe's proration_behavior for a change of seats. */
export type SeatProration = "create_prorations" | "always_invoice" | "none";

/** `key`: the price's name in Stripe; a per-seat price gets its own (a Stripe price's amount never changes). */
const price = (amount: number, key: string, interval: BillingInterval): PlanPrice => ({
  amount,
  currency: "usd",
  priceEnv: `STRIPE_PRICE_${key.toUpperCase()}_${interval === "month" ? "MONTHLY" : "YEARLY"}`,
  lookupKey: `${key}_${interval === "month" ? "monthly" : "yearly"}`,
});

export const PLANS: Record<PlanId, Plan> = {
  free: {
    id: "free",
    name: "Free",
    description: "For trying things out with a small team.",
    features: ["Up to 3 members", "100 customers", "1 API key", "1 webhook endpoint", "Community support"],
    limits: { members: 3, customers: 100, apiKeys: 1, webhookEndpoints: 1 },
    prices: {},
  },
  pro: {
    id: "pro",
    name: "Pro",
    description: "For teams that run their work here.",
    features: ["Up to 10 members", "10,000 customers", "5 API keys", "5 webhook endpoints", "Email support"],
    limits: { members: 10, customers: 10_000, apiKeys: 5, webhookEndpoints: 5 },
    prices: { month: price(2900, "pro", "month"), year: price(29000, "pro", "year") },
    trialDays: 14,
  },
  business: {
    id: "business",
    name: "Business",
    description: "For larger teams, priced per member.",
    features: ["Up to 50 members, billed per member", "1,000,000 customers", "25 API keys", "25 webhook endpoints", "Priority support"],
    limits: { members: 50, customers: 1_000_000, apiKeys: 25, webhookEndpoints: 25 },
    // Not `business_seat_monthly`: that was a flat price before seats, which a deployment may still bill.
    prices: { month: price(1500, "business_seat", "month"), year: price(15000, "business_seat", "year") },
    perSeat: { proration: "create_prorations" },
    trialDays: 14,
  },
  enterprise: {
    id: "enterprise",
    name: "Enterprise",
    description: "Unlimited use, a contract and a contact person.",
    features: ["Unlimited members", "Unlimited customers", "Unlimited API keys", "Unlimited webhook endpoints", "SSO and audit export on request"],
    limits: { members: null, customers: null, apiKeys: null, webhookEndpoints: null },
    prices: {},
    contactSales: true,
  },
};

export const DEFAULT_PLAN: PlanId = "free";

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === "string" && (PLAN_IDS as readonly string[]).includes(value);
}

/** A tenant's plan; an id no longer in the code counts as free rather than failing. */
export function planOf(planId: string): Plan {
  return isPlanId(planId) ? PLANS[planId] : PLANS[DEFAULT_PLAN];
}

/**
 * The plan a tenant is on now: a trial past its end counts as Free at once, before the
 * trial clock (lib/billing/trials.ts) records the expiry, which on Vercel may run daily.
 */
export function currentPlanOf(tenant: { planId: string; trialEndsAt: Date | null }, now = new Date()): Plan {
  return tenant.trialEndsAt && tenant.trialEndsAt <= now ? PLANS[DEFAULT_PLAN] : planOf(tenant.planId);
}

/** Plans a workspace can try for free. */
export const TRIAL_PLAN_IDS = PLAN_IDS.filter((id) => PLANS[id].trialDays);

export const LIMIT_LABELS: Record<LimitName, { one: string; many: string }> = {
  members: { one: "member", many: "members" },
  customers: { one: "customer", many: "customers" },
  apiKeys: { one: "API key", many: "API keys" },
  webhookEndpoints: { one: "webhook endpoint", many: "webhook endpoints" },
};

export function formatPrice({ amount, currency }: Pick<PlanPrice, "amount" | "currency">): string {
  return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: amount % 100 ? 2 : 0 }).format(amount / 100);
}
