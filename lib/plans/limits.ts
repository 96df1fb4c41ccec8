import "server-only";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tableOf } from "@/db/resource-tables";
import { RESOURCES } from "@/db/resources";
import { apiKeys, invitations, isUsable, memberships, tenants, webhookEndpoints } from "@/db/schema";
import { UserError } from "@/lib/errors";
import type { TenantScope } from "@/lib/tenancy/scope";
import { tenantPath } from "@/lib/tenancy/paths";
import { currentPlanOf, LIMIT_LABELS, type LimitedResourceKey, type LimitName } from "./plans";

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
      { code: "limit_reached" },
    );
    this.name = "LimitReachedError";
  }
}

type Counter = (scope: TenantScope) => Promise<number>;

// A declared resource counts its rows.
const RESOURCE_COUNTERS = Object.fromEntries(
  RESOURCES.filter((r) => r.limited).map((r) => [r.key, (scope: TenantScope) => scope.count(tableOf(r.key))]),
) as Record<LimitedResourceKey, Counter>;

// How each limit is counted: what exists and still counts (a revoked or expired key does not).
const COUNTERS: Record<LimitName, Counter> = {
  ...RESOURCE_COUNTERS,
  apiKeys: (scope) =>
    scope.count(apiKeys, and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)))),
  webhookEndpoints: (scope) => scope.count(webhookEndpoints),
  members: async (scope) => {
    const { members, pendingInvitations } = await seatsOf(scope);
    return members + pendingInvitations;
  },
};

/** Seats in use: members, and pending invitations, which hold a seat until answered or expired. */
export async function seatsOf(scope: TenantScope): Promise<{ members: number; pendingInvitations: number }> {
  return seatsOfTenant(scope.tenantId, scope.tx);
}

async function seatsOfTenant(tenantId: string, tx: Executor): Promise<{ members: number; pendingInvitations: number }> {
  const [row] = await tx
    .select({
      members: sql<number>`(SELECT count(*) FROM ${memberships} WHERE ${memberships.tenantId} = ${tenantId})`.mapWith(Number),
      pendingInvitations: sql<number>`(SELECT count(*) FROM ${invitations} WHERE ${invitations.tenantId} = ${tenantId} AND ${isUsable})`.mapWith(Number),
    })
    .from(sql`(SELECT 1) AS one`);
  return { members: row?.members ?? 0, pendingInvitations: row?.pendingInvitations ?? 0 };
}

/** A tenant someone tried to join (by invite link or domain) has no seat left. */
export class TenantFullError extends UserError {
  constructor(
    readonly tenantName: string,
    readonly max: number,
  ) {
    super(`${tenantName} is full: its plan allows ${max} ${max === 1 ? "member" : "members"}. Ask one of its owners to upgrade or free a seat.`, undefined, undefined, {
      code: "limit_reached",
    });
    this.name = "TenantFullError";
  }
}

/**
 * For someone joining from outside (an invite link, a verified domain), who has no
 * context in the tenant yet: refuses when the plan's member limit is reached. Call it in
 * the joining transaction; like assertWithinLimit it locks the tenant's row first, so
 * parallel joins are counted one after another.
 */
export async function assertSeatAvailable(tx: Executor, tenantId: string): Promise<void> {
  const [tenant] = await tx.select({ planId: tenants.planId, trialEndsAt: tenants.trialEndsAt, name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)).for("update");
  if (!tenant) throw new Error(`No tenant ${tenantId}`);
  const max = currentPlanOf(tenant).limits.members;
  if (max === null) return;
  const { members, pendingInvitations } = await seatsOfTenant(tenantId, tx);
  if (members + pendingInvitations >= max) throw new TenantFullError(tenant.name, max);
}

/**
 * Refuses to add one more of `limit` beyond the tenant's plan. Call it inside the
 * transaction of the insert it guards: it locks the tenant's row first, so parallel
 * inserts are counted one after another and cannot pass the limit together.
 */
export async function assertWithinLimit(scope: TenantScope, limit: LimitName): Promise<void> {
  const { ctx, tx } = scope;
  const [tenant] = await tx.select({ planId: tenants.planId, trialEndsAt: tenants.trialEndsAt }).from(tenants).where(eq(tenants.id, ctx.tenant.id)).for("update");
  const plan = currentPlanOf(tenant ?? { planId: "free", trialEndsAt: null });
  const max = plan.limits[limit];
  if (max === null) return;
  if ((await COUNTERS[limit](scope)) >= max) throw new LimitReachedError(limit, max, plan.name, tenantPath(ctx.tenant.slug, "billing"));
}

/**
 * Current use against the plan's limits, for the billing page, and the seats behind the
 * members count (read once for both); the counts run side by side.
 */
export async function usageOf(
  scope: TenantScope,
): Promise<{ usage: Partial<Record<LimitName, number>>; seats: { members: number; pendingInvitations: number } }> {
  const entries = (Object.entries(COUNTERS) as [LimitName, Counter][]).filter(([name]) => name !== "members");
  const [seats, ...counts] = await Promise.all([seatsOf(scope), ...entries.map(([, counter]) => counter(scope))]);
  const usage: Partial<Record<LimitName, number>> = Object.fromEntries(entries.map(([name], i) => [name, counts[i]]));
  return { usage: { ...usage, members: seats.members + seats.pendingInvitations }, seats };
}
