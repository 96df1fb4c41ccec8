import "server-only";
import type Stripe from "stripe";
import { UserError } from "@/lib/errors";
import { PLAN_IDS, PLANS, type BillingInterval, type PlanId } from "@/lib/plans/plans";

/** The Stripe price id of a plan: from its environment variable, else by lookup key. */
export async function resolvePriceId(stripe: Stripe, planId: PlanId, interval: BillingInterval): Promise<string> {
  const price = PLANS[planId].prices[interval];
  if (!price) throw new UserError(`The ${PLANS[planId].name} plan cannot be bought online.`);
  const fromEnv = process.env[price.priceEnv];
  if (fromEnv) return fromEnv;
  const found = await stripe.prices.list({ lookup_keys: [price.lookupKey], active: true, limit: 1 });
  const id = found.data[0]?.id;
  if (!id) throw new Error(`No active Stripe price with lookup key "${price.lookupKey}": create one, or set ${price.priceEnv}`);
  return id;
}

/** Which plan and interval a Stripe price stands for; null for a price this app does not sell. */
export function planOfPrice(price: Pick<Stripe.Price, "id" | "lookup_key">): { planId: PlanId; interval: BillingInterval } | null {
  for (const planId of PLAN_IDS) {
    for (const [interval, p] of Object.entries(PLANS[planId].prices) as [BillingInterval, NonNullable<(typeof PLANS)[PlanId]["prices"]["month"]>][]) {
      if (process.env[p.priceEnv] === price.id || (price.lookup_key && price.lookup_key === p.lookupKey)) return { planId, interval };
    }
  }
  return null;
}
