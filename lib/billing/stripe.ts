import "server-only";
import Stripe from "stripe";
import { APP_NAME } from "@/lib/config/app";
import { getEnv } from "@/lib/env/env";
import { UserError } from "@/lib/errors";

const clients = new Map<string, Stripe>();

/** The Stripe client, or null when STRIPE_SECRET_KEY is not set (billing then shows plans only). */
export function getStripe(): Stripe | null {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) return null;
  const cacheKey = `${env.STRIPE_SECRET_KEY}|${env.STRIPE_API_BASE ?? ""}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
    client = new Stripe(env.STRIPE_SECRET_KEY, {
      maxNetworkRetries: 2,
      appInfo: { name: APP_NAME },
      ...(base && { host: base.hostname, port: Number(base.port || (base.protocol === "https:" ? 443 : 80)), protocol: base.protocol === "https:" ? "https" : "http" }),
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/** For the people using the app: the setting itself is the operator's business (README, server log). */
export const NOT_CONFIGURED = "Billing is not set up yet. Ask the person who runs this app to set it up; until then workspaces can use the Free plan or a free trial.";

export function requireStripe(): Stripe {
  const stripe = getStripe();
  if (!stripe) {
    console.warn("Billing was asked for, but Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (see the README).");
    throw new UserError(NOT_CONFIGURED);
  }
  return stripe;
}
