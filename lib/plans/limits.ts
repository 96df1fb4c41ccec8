import "server-only";
import { and, count, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys, customers, invitations, memberships, tenants, webhookEndpoints } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { isUsable } from "@/lib/invitations/invitations";
import { tenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenants/context";
import { tenantPath } from "@/lib/tenants/paths";
import { LIMIT_LABELS, planOf, type LimitName } from "./plans";

export class LimitReachedError extends UserError {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    planName: string,
    readonly billingPath: string,
  ) {
    const { one, many } = LIMIT_LABELS[limit];
    super(
      `The ${planName} plan allows ${max} ${max === 1 ? one : many}${limit === "members" ? " (pending invitations count)" : ""}. Upgrade on the billing page to add more.`,
      undefined,
      { href: billingPath, label: "Go to billing" },
    );
    this.name = "LimitReachedError";
  }
}

type Counter = (ctx: TenantContext, tx: Executor) => Promise<number>;

// How each limit is counted: what exists and still counts (a revoked or expired key does not).
const COUNTERS: Partial<Record<LimitName, Counter>> = {
  apiKeys: (ctx, tx) =>
    tenantScope(ctx, tx).count(apiKeys, and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)))),
  customers: (ctx, tx) => tenantScope(ctx, tx).count(customers),
  webhookEndpoints: (ctx, tx) => tenantScope(ctx, tx).count(webhookEndpoints),
  members: async (ctx, tx) => {
    const { members, pendingInvitations } = await seatsOf(ctx, tx);
    return members + pendingInvitations;
  },
};

/** Seats in use: members, and pending invitations, which hold a seat until answered or expired. */
export async function seatsOf(ctx: TenantContext, tx: Executor): Promise<{ members: number; pendingInvitations: number }> {
  const scope = tenantScope(ctx, tx);
  const [members, [open]] = await Promise.all([scope.count(memberships), tx.select({ n: count() }).from(invitations).where(scope.owned(invitations, isUsable))]);
  return { members, pendingInvitations: Number(open?.n ?? 0) };
}

/**
 * Refuses to add one more of `limit` beyond the tenant's plan. Call it inside the
 * transaction of the insert it guards: it locks the tenant's row first, so parallel
 * inserts are counted one after another and cannot pass the limit together.
 */
export async function assertWithinLimit(ctx: TenantContext, tx: Executor, limit: LimitName): Promise<void> {
  const [tenant] = await tx.select({ planId: tenants.planId }).from(tenants).where(eq(tenants.id, ctx.tenant.id)).for("update");
  const plan = planOf(tenant?.planId ?? "free");
  const max = plan.limits[limit];
  if (max === null) return;
  const counter = COUNTERS[limit];
  if (!counter) throw new Error(`No counter for the ${limit} limit`);
  if ((await counter(ctx, tx)) >= max) throw new LimitReachedError(limit, max, plan.name, tenantPath(ctx.tenant.slug, "billing"));
}

/** Current use against the plan's limits, for the billing page; the counts run side by side. */
export async function usageOf(ctx: TenantContext, executor: Executor): Promise<Partial<Record<LimitName, number>>> {
  const entries = Object.entries(COUNTERS) as [LimitName, Counter][];
  const counts = await Promise.all(entries.map(([, counter]) => counter(ctx, executor)));
  return Object.fromEntries(entries.map(([name], i) => [name, counts[i]]));
}
