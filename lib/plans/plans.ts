import { RESOURCES, type Resource } from "@/db/resources";

/**
 * The product's plans, defined once. Every tenant is on exactly one; `free` is the
 * default. A paid plan's Stripe price is found by the environment variable named in
 * `priceEnv` (a price id), else by its `lookupKey` in Stripe.
 */
export const PLAN_IDS = ["free", "pro", "business", "enterprise"] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export const BILLING_INTERVALS = ["month", "year"] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

/** A declared resource whose count each plan limits (`limited: true`). */
export type LimitedResourceKey = Extract<Resource, { limited: true }>["key"];
export type LimitName = "members" | "apiKeys" | "webhookEndpoints" | LimitedResourceKey;
/** A limit per tenant; null is unlimited. Every plan names every limit, a declared resource's too. */
export type Limits = Record<LimitName, number | null>;

export type PlanPrice = { amount: number; currency: "usd"; priceEnv: string; lookupKey: string };

export type Plan = {
  id: PlanId;
  name: string;
  description: string;
  /** What the plan offers beyond its limits, which planFeatures() puts into words itself. */
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
    features: ["Community support"],
    limits: { members: 3, customers: 100, apiKeys: 1, webhookEndpoints: 1 },
    prices: {},
  },
  pro: {
    id: "pro",
    name: "Pro",
    description: "For teams that run their work here.",
    features: ["Email support"],
    limits: { members: 10, customers: 10_000, apiKeys: 5, webhookEndpoints: 5 },
    prices: { month: price(2900, "pro", "month"), year: price(29000, "pro", "year") },
    trialDays: 14,
  },
  business: {
    id: "business",
    name: "Business",
    description: "For larger teams, priced per member.",
    features: ["Priority support"],
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
    features: ["SSO and audit export on request"],
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
  ...(Object.fromEntries(RESOURCES.filter((r) => r.limited).map((r) => [r.key, r.label])) as Record<LimitedResourceKey, { one: string; many: string }>),
  apiKeys: { one: "API key", many: "API keys" },
  webhookEndpoints: { one: "webhook endpoint", many: "webhook endpoints" },
};

/**
 * What a plan's card lists: its limits in words ("Up to 3 members", "100 customers"), read
 * from the plan's numbers so the two cannot disagree, then its other features.
 */
export function planFeatures(plan: Plan): string[] {
  const count = (n: number) => n.toLocaleString("en");
  const limits = (Object.keys(LIMIT_LABELS) as LimitName[]).map((name) => {
    const max = plan.limits[name];
    const { one, many } = LIMIT_LABELS[name];
    if (max === null) return `Unlimited ${many}`;
    if (name === "members") return `Up to ${count(max)} ${max === 1 ? one : many}${plan.perSeat ? ", billed per member" : ""}`;
    return `${count(max)} ${max === 1 ? one : many}`;
  });
  return [...limits, ...plan.features];
}

export function formatPrice({ amount, currency }: Pick<PlanPrice, "amount" | "currency">): string {
  return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: amount % 100 ? 2 : 0 }).format(amount / 100);
}
