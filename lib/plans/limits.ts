import "server-only";
import { and, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
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

/** A count as a subquery, so any number of them is one statement. */
type Counter = (scope: TenantScope) => SQL<number>;
const rowsOf = (scope: TenantScope, table: PgTable & { tenantId: AnyPgColumn }, where?: SQL) =>
  sql<number>`(SELECT count(*)::int FROM ${table} WHERE ${scope.owned(table, where)})`.mapWith(Number);

// A declared resource counts its rows.
const RESOURCE_COUNTERS = Object.fromEntries(
  RESOURCES.filter((r) => r.limited).map((r) => [r.key, (scope: TenantScope) => rowsOf(scope, tableOf(r.key))]),
) as Record<LimitedResourceKey, Counter>;

// How each limit is counted: what exists and still counts (a revoked or expired key does not).
// Members count the pending invitations too: each holds a seat until answered or expired.
const COUNTERS: Record<LimitName, Counter> = {
  ...RESOURCE_COUNTERS,
  apiKeys: (scope) => rowsOf(scope, apiKeys, and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)))),
  webhookEndpoints: (scope) => rowsOf(scope, webhookEndpoints),
  members: (scope) => sql<number>`(${rowsOf(scope, memberships)} + ${rowsOf(scope, invitations, isUsable)})`.mapWith(Number),
};

const NO_TABLE = sql`(SELECT 1) AS one`;

/** Seats in use: members, and pending invitations, which hold a seat until answered or expired. */
async function seatsOfTenant(tenantId: string, tx: Executor): Promise<{ members: number; pendingInvitations: number }> {
  const [row] = await tx
    .select({
      members: sql<number>`(SELECT count(*) FROM ${memberships} WHERE ${memberships.tenantId} = ${tenantId})`.mapWith(Number),
      pendingInvitations: sql<number>`(SELECT count(*) FROM ${invitations} WHERE ${invitations.tenantId} = ${tenantId} AND ${isUsable})`.mapWith(Number),
    })
    .from(NO_TABLE);
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
  const [row] = await tx.select({ used: COUNTERS[limit](scope) }).from(NO_TABLE);
  if ((row?.used ?? 0) >= max) throw new LimitReachedError(limit, max, plan.name, tenantPath(ctx.tenant.slug, "billing"));
}

/**
 * Current use against the plan's limits, for the billing page, and the seats behind the
 * members count: one statement, however many limits there are.
 */
export async function usageOf(scope: TenantScope): Promise<{ usage: Record<LimitName, number>; seats: { members: number; pendingInvitations: number } }> {
  const counts = Object.fromEntries((Object.keys(COUNTERS) as LimitName[]).filter((name) => name !== "members").map((name) => [name, COUNTERS[name](scope)]));
  const [row] = await scope.tx
    .select({ ...counts, members: rowsOf(scope, memberships), pendingInvitations: rowsOf(scope, invitations, isUsable) })
    .from(NO_TABLE);
  const { members = 0, pendingInvitations = 0, ...usage } = (row ?? {}) as Record<string, number>;
  return { usage: { ...(usage as Record<LimitName, number>), members: members + pendingInvitations }, seats: { members, pendingInvitations } };
}
