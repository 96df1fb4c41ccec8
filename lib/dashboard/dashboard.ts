import "server-only";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { tableOf } from "@/db/resource-tables";
import { RESOURCES } from "@/db/resources";
import { activityLog, apiKeys, invitations, isUsable, memberships, tenants, webhookEndpoints } from "@/db/schema";
import type { ActivityEntry } from "@/lib/activity/events";
import { can } from "@/lib/permissions/permissions";
import { currentPlanOf, type LimitedResourceKey, type LimitName, type Plan } from "@/lib/plans/plans";
import type { TenantContext } from "@/lib/tenancy/context";
import { ONBOARDING_STEPS, type OnboardingStep } from "./steps";


export type Dashboard = {
  plan: Plan;
  usage: Record<LimitName, number>;
  seats: { members: number; pendingInvitations: number };
  /** The steps this member's role can take, each done or not; null once dismissed. */
  onboarding: { step: OnboardingStep; done: boolean }[] | null;
  /** The newest entries, for roles that may read the log; otherwise empty. */
  recentActivity: (ActivityEntry)[];
};

const RECENT = 5;

// Which role may take each step: a step nobody in the role can take is not shown to it.
const STEP_PERMISSION: Record<OnboardingStep, "invitations.manage" | "customers.write" | "apiKeys.manage" | "billing.manage"> = { invite: "invitations.manage", customer: "customers.write", apiKey: "apiKeys.manage", plan: "billing.manage" };

type Row = {
  planId: string;
  trialEndsAt: Date | null;
  dismissedAt: Date | string | null;
  members: number;
  pending: number;
  invitedEver: boolean;
  resources: Record<LimitedResourceKey, number>;
  apiKeys: number;
  apiKeyEver: boolean;
  webhookEndpoints: number;
  recent: (Omit<ActivityEntry, "createdAt"> & { createdAt: string })[] | null;
};

/**
 * Everything the dashboard shows, in one statement (the page's whole budget beside the
 * guard's): counts against the plan, the getting-started steps and the newest activity.
 */
const LIMITED = RESOURCES.filter((r) => r.limited).map((r) => r.key) as LimitedResourceKey[];
const zeroes = Object.fromEntries(LIMITED.map((key) => [key, 0])) as Record<LimitedResourceKey, number>;

export async function getDashboard(ctx: TenantContext): Promise<Dashboard> {
  const tenantId = ctx.tenant.id;
  const readsLog = can(ctx.role, "activity.read");
  const within = (column: AnyPgColumn) => sql`${column} = ${tenantId}`;
  const [row] = (await db
    .select({
      planId: tenants.planId,
      trialEndsAt: tenants.trialEndsAt,
      dismissedAt: memberships.onboardingDismissedAt,
      members: sql<number>`(select count(*)::int from ${memberships} m where m.tenant_id = ${tenantId})`,
      pending: sql<number>`(select count(*)::int from ${invitations} where ${within(invitations.tenantId)} and ${isUsable})`,
      invitedEver: sql<boolean>`exists (select 1 from ${invitations} where ${within(invitations.tenantId)})`,
      // Each limited resource's rows, by its key: {"customers": 12, ...}.
      resources: sql<Record<LimitedResourceKey, number>>`json_build_object(${sql.join(
        LIMITED.map((key) => sql`${key}::text, (select count(*)::int from ${tableOf(key)} where ${within(tableOf(key).tenantId)})`),
        sql`, `,
      )})`,
      apiKeys: sql<number>`(select count(*)::int from ${apiKeys} where ${within(apiKeys.tenantId)} and ${and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)))})`,
      apiKeyEver: sql<boolean>`exists (select 1 from ${apiKeys} where ${within(apiKeys.tenantId)})`,
      webhookEndpoints: sql<number>`(select count(*)::int from ${webhookEndpoints} where ${within(webhookEndpoints.tenantId)})`,
      recent: readsLog
        ? sql<Row["recent"]>`(select json_agg(a) from (
            select id, action, actor_label as "actorLabel", api_key_id as "apiKeyId", api_key_name as "apiKeyName", target_type as "targetType", target_id as "targetId",
                   target_label as "targetLabel", metadata, ip, created_at as "createdAt"
            from ${activityLog} where ${within(activityLog.tenantId)} order by id desc limit ${RECENT}) a)`
        : sql<null>`null`,
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, ctx.user.id)))) as Row[];

  const plan = currentPlanOf(row ?? ctx.tenant);
  const r: Row = row ?? { planId: plan.id, trialEndsAt: null, dismissedAt: null, members: 0, pending: 0, invitedEver: false, resources: zeroes, apiKeys: 0, apiKeyEver: false, webhookEndpoints: 0, recent: null };
  const done: Record<OnboardingStep, boolean> = {
    invite: r.members > 1 || r.invitedEver,
    customer: r.resources.customers > 0,
    apiKey: r.apiKeyEver,
    plan: plan.id !== "free",
  };
  const steps = ONBOARDING_STEPS.filter((step) => can(ctx.role, STEP_PERMISSION[step]));
  return {
    plan,
    usage: { ...zeroes, ...r.resources, members: r.members + r.pending, apiKeys: r.apiKeys, webhookEndpoints: r.webhookEndpoints },
    seats: { members: r.members, pendingInvitations: r.pending },
    onboarding: r.dismissedAt || steps.length === 0 ? null : steps.map((step) => ({ step, done: done[step] })),
    recentActivity: (r.recent ?? []).map((entry) => ({ ...entry, id: Number(entry.id), createdAt: new Date(entry.createdAt) })),
  };
}

/** Hides the getting-started checklist for this member (the others keep theirs). */
export async function dismissOnboarding(ctx: TenantContext): Promise<void> {
  await db
    .update(memberships)
    .set({ onboardingDismissedAt: new Date() })
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.userId, ctx.user.id), isNull(memberships.onboardingDismissedAt)));
}
