import "server-only";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { memberships, planChanges, subscriptions, tenants, trials, users } from "@/db/schema";
import { logActivity, recordActivity } from "@/lib/activity/record";
import { configuredAppUrl } from "@/lib/config/app-url";
import { sendEmail } from "@/lib/email/send-email";
import { trialEndedEmail, trialEndingEmail } from "@/lib/email/templates/trial";
import { wholeDaysUntil } from "@/lib/format/dates";
import { PermissionDeniedError, UserError } from "@/lib/errors";
import { assertCan, ROLE_PERMISSIONS } from "@/lib/permissions/permissions";
import { ROLES } from "@/lib/permissions/roles";
import { currentPlanOf, DEFAULT_PLAN, PLANS, planOf, type Plan, type PlanId } from "@/lib/plans/plans";
import type { TenantContext } from "@/lib/tenants/context";
import { tenantPath } from "@/lib/tenants/paths";
import { parseOrThrow } from "@/lib/validation";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { startTrialSchema, type StartTrialInput } from "./schemas";
import { PAID_STATUSES } from "./statuses";

const DAY_MS = 86_400_000;
/** Reminders go out this many days before a trial ends, in this order. */
export const TRIAL_REMINDER_DAYS = [3, 1] as const;
const BILLING_MANAGERS = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes("billing.manage"));

export type Trial = typeof trials.$inferSelect;

/**
 * Why the viewer cannot start a trial here, or null when they can: from the trials of
 * this workspace and of the viewer as owner (one statement, shared with the billing page).
 */
export function trialRefusalOf(ctx: TenantContext, rows: Pick<Trial, "tenantId" | "startedById">[], plan: Pick<Plan, "id">): string | null {
  if (rows.some((r) => r.tenantId === ctx.tenant.id)) return "This workspace has had its free trial. Choose a plan to continue.";
  if (plan.id !== DEFAULT_PLAN) return "Free trials are for workspaces on the Free plan.";
  if (ctx.role !== "owner") return "Only an owner can start a free trial.";
  if (rows.some((r) => r.startedById === ctx.user.id)) return "You have used your free trial with another workspace: each owner gets one. Choose a plan to continue.";
  return null;
}

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
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, ctx.tenant.id)).for("update");
    if (!tenant) throw new UserError("This workspace no longer exists.");
    const rows = await tx.select().from(trials).where(or(eq(trials.tenantId, tenant.id), eq(trials.startedById, ctx.user.id)));
    const refusal = trialRefusalOf(ctx, rows, currentPlanOf(tenant));
    if (refusal) throw new UserError(refusal);

    const endsAt = new Date(Date.now() + plan.trialDays! * DAY_MS);
    // The unique owner column settles two workspaces of one owner starting at once.
    const [started] = await tx.insert(trials).values({ tenantId: tenant.id, planId, startedById: ctx.user.id, endsAt }).onConflictDoNothing().returning();
    if (!started) throw new UserError("You have used your free trial: each owner gets one. Choose a plan to continue.");
    await tx.update(tenants).set({ planId, trialEndsAt: endsAt }).where(eq(tenants.id, tenant.id));
    await tx.insert(planChanges).values({ tenantId: tenant.id, fromPlan: tenant.planId, toPlan: planId, source: "user", changedById: ctx.user.id, reason: "trial_started" });
    await logActivity(ctx, tx, { action: "billing.trial_started", metadata: { plan: plan.name, days: plan.trialDays, endsAt: endsAt.toISOString() } });
    await emitWebhookEvent(tx, tenant.id, { type: "subscription.changed", data: { plan: planId, previous_plan: planOf(tenant.planId).id, status: "trialing" } });
    return { planId, endsAt };
  });
}

/** The workspace's trial, running or ended; null if it never had one. */
export async function getTrial(ctx: TenantContext, executor: Executor = db): Promise<Trial | null> {
  const [trial] = await executor.select().from(trials).where(eq(trials.tenantId, ctx.tenant.id));
  return trial ?? null;
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

/**
 * The `billing-trials` job, every 15 minutes: mails each running trial's reminders
 * (3 days, then 1 day before its end; only the nearest when the clock was away) and ends
 * the trials that ran out. `now` is a parameter so tests can move the clock.
 */
export async function runTrialClock(now = new Date()): Promise<{ reminded: number; expired: number }> {
  const soon = new Date(now.getTime() + TRIAL_REMINDER_DAYS[0] * DAY_MS);
  const running = await db
    .select({ tenantId: trials.tenantId, endsAt: trials.endsAt, reminded: trials.remindedDaysBefore })
    .from(trials)
    .where(and(isNull(trials.endedAt), lte(trials.endsAt, soon)));
  let reminded = 0;
  let expired = 0;
  for (const trial of running) {
    if (trial.endsAt <= now) {
      if (await expireTrial(trial.tenantId, now)) expired++;
      continue;
    }
    const due = [...TRIAL_REMINDER_DAYS].reverse().find((days) => trial.endsAt.getTime() - now.getTime() <= days * DAY_MS)!;
    if (trial.reminded !== null && trial.reminded <= due) continue;
    if (await remind(trial.tenantId, due, now)) reminded++;
  }
  return { reminded, expired };
}

async function remind(tenantId: string, due: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Conditional, so two clocks running at once mail once.
    const [trial] = await tx
      .update(trials)
      .set({ remindedDaysBefore: due })
      .where(and(eq(trials.tenantId, tenantId), isNull(trials.endedAt), gt(trials.endsAt, now), or(isNull(trials.remindedDaysBefore), gt(trials.remindedDaysBefore, due))))
      .returning();
    if (!trial) return false;
    const daysLeft = wholeDaysUntil(trial.endsAt, now);
    await mailBillingManagers(tx, tenantId, (m) => trialEndingEmail({ ...m, planName: planOf(trial.planId).name, endsAt: trial.endsAt, daysLeft }));
    return true;
  });
}

/** Ends a trial that ran out: the workspace goes back to Free (nothing is deleted; the Free limits apply to what is added next). */
export async function expireTrial(tenantId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    const [trial] = await tx
      .update(trials)
      .set({ endedAt: now, outcome: "expired" })
      .where(and(eq(trials.tenantId, tenantId), isNull(trials.endedAt), lte(trials.endsAt, now)))
      .returning();
    if (!tenant || !trial) return false;
    const [subscription] = await tx.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
    if (subscription && PAID_STATUSES.includes(subscription.status)) {
      // Subscribed, and the sync has not run since: the plan is Stripe's, not the trial's.
      await tx.update(trials).set({ outcome: "converted" }).where(eq(trials.tenantId, tenantId));
      await tx.update(tenants).set({ trialEndsAt: null }).where(eq(tenants.id, tenantId));
      return false;
    }
    const plan = planOf(trial.planId);
    await tx.update(tenants).set({ planId: DEFAULT_PLAN, trialEndsAt: null }).where(eq(tenants.id, tenantId));
    await tx.insert(planChanges).values({ tenantId, fromPlan: tenant.planId, toPlan: DEFAULT_PLAN, source: "system", reason: "trial_expired" });
    await recordActivity(tx, { tenantId, actor: null, actorLabel: "Billing", ip: null, action: "billing.trial_ended", metadata: { plan: plan.name, outcome: "expired" } });
    await emitWebhookEvent(tx, tenantId, { type: "subscription.changed", data: { plan: DEFAULT_PLAN, previous_plan: planOf(tenant.planId).id, status: null } });
    if (!tenant.deletedAt) await mailBillingManagers(tx, tenantId, (m) => trialEndedEmail({ ...m, planName: plan.name, endsAt: trial.endsAt }));
    return true;
  });
}

type Recipient = { tenantName: string; billingUrl: string; timeZone: string | null };

async function mailBillingManagers(tx: Executor, tenantId: string, message: (recipient: Recipient) => { subject: string; text: string; html: string }) {
  const managers = await tx
    .select({ email: users.email, timeZone: users.timeZone, slug: tenants.slug, name: tenants.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, BILLING_MANAGERS)));
  for (const manager of managers) {
    if (!manager.email) continue;
    const billingUrl = `${configuredAppUrl() ?? "http://localhost:3000"}${tenantPath(manager.slug, "billing")}`;
    await sendEmail({ to: manager.email, ...message({ tenantName: manager.name, billingUrl, timeZone: manager.timeZone }) }, { executor: tx });
  }
}
