import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import { type Executor } from "@/db/client";
import { planChanges, tenants, trials } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { PermissionDeniedError, UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { currentPlanOf, DEFAULT_PLAN, PLANS, planOf, type Plan, type PlanId } from "@/lib/plans/plans";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { startTrialSchema, type StartTrialInput } from "./schemas";
import { tenantTransaction } from "@/lib/tenancy/scope";

const DAY_MS = 86_400_000;

export type Trial = typeof trials.$inferSelect;

/**
 * Why the viewer cannot start a trial here, or null when they can: from the trials of
 * this workspace and of the viewer as owner (one statement, shared with the billing page).
 */
export function trialRefusalOf(ctx: TenantContext, rows: Pick<Trial, "tenantId" | "startedById">[], plan: Pick<Plan, "id">): TrialRefusal | null {
  if (rows.some((r) => r.tenantId === ctx.tenant.id)) return { reason: "had_trial", message: "This workspace has had its free trial. Choose a plan to continue." };
  if (plan.id !== DEFAULT_PLAN) return { reason: "not_free", message: "Free trials are for workspaces on the Free plan." };
  if (ctx.role !== "owner") return { reason: "not_owner", message: "Only an owner can start a free trial." };
  if (rows.some((r) => r.startedById === ctx.user.id)) {
    return { reason: "owner_had_trial", message: "You have used your free trial with another workspace: each owner gets one. Choose a plan to continue." };
  }
  return null;
}

/** Why no trial can start; the first two say a trial was had, which the billing page tells. */
export type TrialRefusal = { reason: "had_trial" | "owner_had_trial" | "not_free" | "not_owner"; message: string };

/**
 * Starts the workspace's one free trial of a plan, without a card: the plan and its
 * limits apply at once, held locally (no Stripe subscription until someone subscribes).
 * Only an owner starts one, and each user once as owner, however many workspaces they make.
 */
export async function startTrial(ctx: TenantContext, input: StartTrialInput): Promise<{ planId: PlanId; endsAt: Date }> {
  assertCan(ctx, "billing.manage", "Only owners can start a free trial.");
  if (ctx.role !== "owner") throw new PermissionDeniedError("Only an owner can start a free trial.");
  const { planId } = parseOrThrow(startTrialSchema, input);
  const plan = PLANS[planId];
  return tenantTransaction(ctx, async (scope) => {
    const [tenant] = await scope.tx.select().from(tenants).where(eq(tenants.id, ctx.tenant.id)).for("update");
    if (!tenant) throw new UserError("This workspace no longer exists.");
    const rows = await scope.tx.select().from(trials).where(or(eq(trials.tenantId, tenant.id), eq(trials.startedById, ctx.user.id)));
    const refusal = trialRefusalOf(ctx, rows, currentPlanOf(tenant));
    if (refusal) throw new UserError(refusal.message);

    const endsAt = new Date(Date.now() + plan.trialDays! * DAY_MS);
    // The unique owner column settles two workspaces of one owner starting at once.
    const [started] = await scope.tx.insert(trials).values({ tenantId: tenant.id, planId, startedById: ctx.user.id, endsAt }).onConflictDoNothing().returning();
    if (!started) throw new UserError("You have used your free trial: each owner gets one. Choose a plan to continue.");
    await scope.tx.update(tenants).set({ planId, trialEndsAt: endsAt }).where(eq(tenants.id, tenant.id));
    await scope.tx.insert(planChanges).values({ tenantId: tenant.id, fromPlan: tenant.planId, toPlan: planId, source: "user", changedById: ctx.user.id, reason: "trial_started" });
    await logActivity(scope, { action: "billing.trial_started", metadata: { plan: plan.name, days: plan.trialDays, endsAt: endsAt.toISOString() } });
    await emitWebhookEvent(scope.tx, tenant.id, { type: "subscription.changed", data: { plan: planId, previous_plan: planOf(tenant.planId).id, status: "trialing" } });
    return { planId, endsAt };
  });
}

/**
 * In the transaction of a billing sync that found a paid subscription: ends a running
 * trial as converted. Returns the trial's plan when one was running.
 */
export async function convertTrial(tx: Executor, tenantId: string): Promise<PlanId | null> {
  const [ended] = await tx
    .update(trials)
    .set({ endedAt: new Date(), outcome: "converted" })
    .where(and(eq(trials.tenantId, tenantId), isNull(trials.endedAt)))
    .returning({ planId: trials.planId });
  await tx.update(tenants).set({ trialEndsAt: null }).where(eq(tenants.id, tenantId));
  return ended ? planOf(ended.planId).id : null;
}
