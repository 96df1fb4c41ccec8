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
  /** Self-serve prices per interval; none for free and for contact-us plans. */
  prices: Partial<Record<BillingInterval, PlanPrice>>;
  contactSales?: boolean;
};

const price = (amount: number, plan: string, interval: BillingInterval): PlanPrice => ({
  amount,
  currency: "usd",
  priceEnv: `STRIPE_PRICE_${plan.toUpperCase()}_${interval === "month" ? "MONTHLY" : "YEARLY"}`,
  lookupKey: `${plan}_${interval === "month" ? "monthly" : "yearly"}`,
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
  },
  business: {
    id: "business",
    name: "Business",
    description: "For larger teams and heavier use.",
    features: ["Up to 50 members", "1,000,000 customers", "25 API keys", "25 webhook endpoints", "Priority support"],
    limits: { members: 50, customers: 1_000_000, apiKeys: 25, webhookEndpoints: 25 },
    prices: { month: price(9900, "business", "month"), year: price(99000, "business", "year") },
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

export const LIMIT_LABELS: Record<LimitName, { one: string; many: string }> = {
  members: { one: "member", many: "members" },
  customers: { one: "customer", many: "customers" },
  apiKeys: { one: "API key", many: "API keys" },
  webhookEndpoints: { one: "webhook endpoint", many: "webhook endpoints" },
};

export function formatPrice({ amount, currency }: Pick<PlanPrice, "amount" | "currency">): string {
  return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: amount % 100 ? 2 : 0 }).format(amount / 100);
}
