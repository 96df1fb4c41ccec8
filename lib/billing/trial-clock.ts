import "server-only";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { memberships, planChanges, tenants, trials, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { configuredAppUrl } from "@/lib/config/app-url";
import { sendEmail } from "@/lib/email/send-email";
import { trialEndedEmail, trialEndingEmail } from "@/lib/email/templates/trial";
import { wholeDaysUntil } from "@/lib/format/dates";
import { ROLE_PERMISSIONS } from "@/lib/permissions/permissions";
import { ROLES } from "@/lib/permissions/roles";
import { DEFAULT_PLAN, planOf } from "@/lib/plans/plans";
import { tenantPath } from "@/lib/tenancy/paths";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { getStripe } from "./stripe";
import { syncTenantBilling } from "./sync";

const DAY_MS = 86_400_000;
/** Reminders go out this many days before a trial ends, in this order. */
export const TRIAL_REMINDER_DAYS = [3, 1] as const;
const BILLING_MANAGERS = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes("billing.manage"));

/**
 * The `billing-trials` job, every 15 minutes: mails each running trial's reminders
 * (3 days, then 1 day before its end; only the nearest when the clock was away) and ends
 * the trials that ran out. `now` is a parameter so tests can move the clock. A deleted
 * workspace's trial ends quietly.
 */
export async function runTrialClock(now = new Date()): Promise<{ reminded: number; expired: number }> {
  const soon = new Date(now.getTime() + TRIAL_REMINDER_DAYS[0] * DAY_MS);
  const running = await db
    .select({ tenantId: trials.tenantId, endsAt: trials.endsAt, reminded: trials.remindedDaysBefore, deletedAt: tenants.deletedAt, customer: tenants.stripeCustomerId })
    .from(trials)
    .innerJoin(tenants, eq(tenants.id, trials.tenantId))
    .where(and(isNull(trials.endedAt), lte(trials.endsAt, soon)));
  let reminded = 0;
  let expired = 0;
  for (const trial of running) {
    if (trial.endsAt <= now) {
      // A Checkout finished whose webhook is late: Stripe says whether the trial converted.
      // Stripe unreachable: the trial already counts as Free; the next run ends it.
      if (trial.customer && getStripe() && !(await syncTenantBilling(trial.tenantId, { source: "stripe" }).then(() => true, warnSyncFailed))) continue;
      if (await expireTrial(trial.tenantId, now)) expired++;
      continue;
    }
    if (trial.deletedAt) continue;
    const due = [...TRIAL_REMINDER_DAYS].reverse().find((days) => trial.endsAt.getTime() - now.getTime() <= days * DAY_MS)!;
    if (trial.reminded !== null && trial.reminded <= due) continue;
    if (await remind(trial.tenantId, due, now)) reminded++;
  }
  return { reminded, expired };
}

function warnSyncFailed(error: unknown): false {
  console.warn("[billing] trial clock: could not read Stripe before ending a trial:", error instanceof Error ? error.message : error);
  return false;
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

/**
 * Ends a trial that ran out and was not converted (the sync converts on a paid
 * subscription, in the same lock): the workspace goes back to Free. Nothing is deleted;
 * the Free limits apply to what is added next.
 */
export async function expireTrial(tenantId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
    const [trial] = await tx
      .update(trials)
      .set({ endedAt: now, outcome: "expired" })
      .where(and(eq(trials.tenantId, tenantId), isNull(trials.endedAt), lte(trials.endsAt, now)))
      .returning();
    if (!tenant || !trial) return false;
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
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, BILLING_MANAGERS), isNull(tenants.deletedAt)));
  for (const manager of managers) {
    if (!manager.email) continue;
    const billingUrl = `${configuredAppUrl() ?? "http://localhost:3000"}${tenantPath(manager.slug, "billing")}`;
    await sendEmail({ to: manager.email, ...message({ tenantName: manager.name, billingUrl, timeZone: manager.timeZone }) }, { executor: tx });
  }
}
