import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTenant } from "@/db/factories";
import { db } from "@/db/client";
import { activityLog, planChanges, tenants, trials } from "@/db/schema";
import { listOutbox } from "@/lib/email/outbox";
import { PermissionDeniedError, UserError } from "@/lib/errors";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { LimitReachedError } from "@/lib/plans/limits";
import { deliverQueuedMail } from "@/testing/jobs";
import { contextOf, memberOf, type TestMember } from "@/testing/tenant-context";
import { completeCheckout, startCheckout } from "./checkout";
import { syncTenantBilling } from "./sync";
import { fakeStripeForTests } from "@/testing/stripe/in-tests";
import { runTrialClock } from "./trial-clock";
import { startTrial } from "./trials";

const APP = "http://localhost:3000";
const DAY = 86_400_000;
const stripe = fakeStripeForTests();
const { fake } = stripe;
const configureStripe = () => stripe.configure();
beforeEach(() => vi.unstubAllEnvs());

/** An owner of a new Free workspace, with a billing member and a plain member beside them. */
async function freeWorkspace() {
  const owner = await memberOf(await createTenant(), "owner");
  const billing = await memberOf(owner.tenant, "billing");
  return { owner, billing };
}

async function stateOf(tenantId: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  const [trial] = await db.select().from(trials).where(eq(trials.tenantId, tenantId));
  const changes = await db.select().from(planChanges).where(eq(planChanges.tenantId, tenantId)).orderBy(planChanges.id);
  return { tenant: tenant!, trial, changes: changes.map((c) => [c.fromPlan, c.toPlan, c.source, c.reason]) };
}

/** The mail delivered to `to` so far, by subject. */
async function subjectsTo(to: string | null) {
  await deliverQueuedMail();
  return (await listOutbox(500)).filter((m) => m.to === to).map((m) => m.subject);
}

const fresh = (owner: TestMember) => contextOf(owner.user, owner.tenant);

describe("starting a trial", () => {
  it("gives a Free workspace the plan and its limits at once, with no card and no Stripe at all", async () => {
    const { owner } = await freeWorkspace();
    const before = Date.now();
    const { planId, endsAt } = await startTrial(owner.ctx, { planId: "business" });

    expect(planId).toBe("business");
    expect(endsAt.getTime() - before).toBeGreaterThanOrEqual(14 * DAY - 1000);
    expect(endsAt.getTime() - before).toBeLessThan(14 * DAY + 5000);
    const { tenant, trial, changes } = await stateOf(owner.tenant.id);
    expect([tenant.planId, tenant.trialEndsAt?.getTime(), tenant.stripeCustomerId]).toEqual(["business", endsAt.getTime(), null]);
    expect([trial?.planId, trial?.startedById, trial?.endedAt]).toEqual(["business", owner.user.id, null]);
    expect(changes).toEqual([["free", "business", "user", "trial_started"]]);
    const [logged] = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, owner.tenant.id), eq(activityLog.action, "billing.trial_started")));
    expect(logged?.metadata).toMatchObject({ plan: "Business", days: 14 });

    // Free allows 3 members, pending invitations included; the trial's plan allows 50.
    const ctx = await fresh(owner);
    for (let i = 0; i < 4; i++) await createInvitation(ctx, { email: `trial-${i}-${owner.tenant.id}@example.test`, role: "member" }, APP);
  });

  it("is for owners only", async () => {
    const { owner, billing } = await freeWorkspace();
    const admin = await memberOf(owner.tenant, "admin");
    await expect(startTrial(billing.ctx, { planId: "pro" })).rejects.toThrow(PermissionDeniedError);
    await expect(startTrial(admin.ctx, { planId: "pro" })).rejects.toThrow(PermissionDeniedError);
    expect((await stateOf(owner.tenant.id)).tenant.planId).toBe("free");
  });

  it("refuses plans without a trial, with a message", async () => {
    const { owner } = await freeWorkspace();
    for (const planId of ["enterprise", "free", "nope"]) {
      const refused = await startTrial(owner.ctx, { planId } as never).catch((e: unknown) => e);
      expect((refused as UserError).fieldErrors?.planId).toEqual(["Choose a plan that has a free trial."]);
    }
    expect((await stateOf(owner.tenant.id)).trial).toBeUndefined();
  });

  it("happens once per workspace, and once per user as owner however many workspaces they make", async () => {
    const { owner } = await freeWorkspace();
    await startTrial(owner.ctx, { planId: "pro" });
    await expect(startTrial(await fresh(owner), { planId: "business" })).rejects.toThrow("This workspace has had its free trial.");

    // The same person, owner of a new workspace.
    const second = await createTenant();
    const { addMember } = await import("@/db/factories");
    await addMember(second, owner.user, "owner");
    const elsewhere = await contextOf(owner.user, second);
    await expect(startTrial(elsewhere, { planId: "pro" })).rejects.toThrow("You have used your free trial with another workspace");
    expect((await stateOf(second.id)).tenant.planId).toBe("free");

    // Another owner of that workspace has not had one.
    const other = await memberOf(second, "owner");
    await expect(startTrial(other.ctx, { planId: "pro" })).resolves.toMatchObject({ planId: "pro" });
  });

  it("lets only one of two workspaces of one owner start a trial at the same moment", async () => {
    const owner = await memberOf(await createTenant(), "owner");
    const { addMember } = await import("@/db/factories");
    const second = await createTenant();
    await addMember(second, owner.user, "owner");
    const results = await Promise.allSettled([startTrial(owner.ctx, { planId: "pro" }), startTrial(await contextOf(owner.user, second), { planId: "pro" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(UserError);
    expect((await db.select().from(trials).where(eq(trials.startedById, owner.user.id))).length).toBe(1);
  });

  it("is refused on a paid plan", async () => {
    const owner = await memberOf(await createTenant({ planId: "pro" }), "owner");
    await expect(startTrial(owner.ctx, { planId: "business" })).rejects.toThrow("Free trials are for workspaces on the Free plan.");
  });
});

describe("the trial clock", () => {
  async function trialOf() {
    const { owner, billing } = await freeWorkspace();
    const member = await memberOf(owner.tenant, "member");
    const { endsAt } = await startTrial(owner.ctx, { planId: "business" });
    return { owner, billing, member, endsAt, at: (msBeforeEnd: number) => new Date(endsAt.getTime() - msBeforeEnd) };
  }

  it("mails owners and billing members 3 days and 1 day before the end, each once", async () => {
    const { owner, billing, member, at } = await trialOf();
    const three = "3 days left in the Business trial of " + owner.tenant.name;
    const one = "1 day left in the Business trial of " + owner.tenant.name;

    // The clock sees every trial of the database; each test reads its own workspace's mail.
    await runTrialClock(at(4 * DAY));
    expect(await subjectsTo(owner.user.email)).toEqual([]);

    await runTrialClock(at(3 * DAY - 60_000));
    await runTrialClock(at(2 * DAY));
    expect(await subjectsTo(owner.user.email)).toEqual([three]);
    expect(await subjectsTo(billing.user.email)).toEqual([three]);
    expect(await subjectsTo(member.user.email)).toEqual([]);

    await runTrialClock(at(DAY - 60_000));
    await runTrialClock(at(3_600_000));
    expect(await subjectsTo(owner.user.email)).toEqual([one, three]);
    expect((await stateOf(owner.tenant.id)).tenant.planId).toBe("business");
  });

  it("sends only the nearest reminder when it was away for the first", async () => {
    const { owner, at } = await trialOf();
    await runTrialClock(at(12 * 3_600_000));
    expect(await subjectsTo(owner.user.email)).toEqual([`1 day left in the Business trial of ${owner.tenant.name}`]);
  });

  it("ends the trial back on Free: nothing is deleted, and more than Free allows is refused with a clear message", async () => {
    const { owner, at } = await trialOf();
    const ctx = await fresh(owner);
    await createInvitation(ctx, { email: `keep-${owner.tenant.id}@example.test`, role: "member" }, APP); // the 4th seat

    await runTrialClock(at(-60_000));
    await runTrialClock(at(-120_000));
    const { tenant, trial, changes } = await stateOf(owner.tenant.id);
    expect(changes.filter((c) => c[3] === "trial_expired")).toHaveLength(1);
    expect([tenant.planId, tenant.trialEndsAt, trial?.outcome]).toEqual(["free", null, "expired"]);
    expect(changes.at(-1)).toEqual(["business", "free", "system", "trial_expired"]);
    expect(await subjectsTo(owner.user.email)).toContain(`The Business trial of ${owner.tenant.name} has ended`);

    const after = await fresh(owner);
    const refused = await createInvitation(after, { email: `fifth-${owner.tenant.id}@example.test`, role: "member" }, APP).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LimitReachedError);
    expect((refused as Error).message).toBe("The Free plan allows 3 members (pending invitations count). Upgrade on the billing page to add more.");
  });

  it("counts a trial past its end as Free before the clock has run", async () => {
    const { owner } = await trialOf();
    await db.update(tenants).set({ trialEndsAt: new Date(Date.now() - 1000) }).where(eq(tenants.id, owner.tenant.id));
    // Three members fill Free; Business would take a fourth.
    await expect(createInvitation(await fresh(owner), { email: `a-${owner.tenant.id}@example.test`, role: "member" }, APP)).rejects.toThrow(LimitReachedError);
    await db.update(tenants).set({ trialEndsAt: new Date(Date.now() + DAY) }).where(eq(tenants.id, owner.tenant.id));
    await createInvitation(await fresh(owner), { email: `a-${owner.tenant.id}@example.test`, role: "member" }, APP);
  });
});

describe("subscribing during a trial", () => {
  it("carries the trial's end and the seats into Checkout, and the sync records the conversion", async () => {
    configureStripe();
    const { owner, at } = await (async () => {
      const { owner } = await freeWorkspace();
      const { endsAt } = await startTrial(owner.ctx, { planId: "business" });
      return { owner, at: (ms: number) => new Date(endsAt.getTime() - ms) };
    })();
    const ctx = await fresh(owner);
    const url = await startCheckout(ctx, { planId: "business", interval: "month" }, APP);
    const sessionId = url.split("/").pop()!;
    const trialEndsAt = (await stateOf(owner.tenant.id)).tenant.trialEndsAt!;
    const [item] = fake.lineItemsOf(sessionId);
    expect(item?.quantity).toBe(2); // the owner and the billing member

    const subscription = fake.completeCheckout(sessionId);
    expect([subscription.status, subscription.trial_end]).toEqual(["trialing", Math.floor(trialEndsAt.getTime() / 1000)]);
    await completeCheckout(ctx, sessionId);

    const { tenant, trial, changes } = await stateOf(owner.tenant.id);
    expect([tenant.planId, tenant.trialEndsAt, trial?.outcome]).toEqual(["business", null, "converted"]);
    expect(changes.at(-1)).toEqual(["business", "business", "user", "trial_converted"]);
    // The clock leaves a converted trial alone.
    await runTrialClock(at(-60_000));
    expect((await stateOf(owner.tenant.id)).tenant.planId).toBe("business");
  });

  it("charges at once when the trial is too close to its end for Stripe's own", async () => {
    configureStripe();
    const { owner } = await freeWorkspace();
    await startTrial(owner.ctx, { planId: "pro" });
    await db.update(tenants).set({ trialEndsAt: new Date(Date.now() + DAY) }).where(eq(tenants.id, owner.tenant.id));
    const url = await startCheckout(await fresh(owner), { planId: "pro", interval: "month" }, APP);
    const subscription = fake.completeCheckout(url.split("/").pop()!);
    expect([subscription.status, subscription.trial_end]).toEqual(["active", null]);
  });
});

describe("a trial beside Stripe", () => {
  async function trialWithCheckout(planId: "pro" | "business" = "business") {
    configureStripe();
    const { owner } = await freeWorkspace();
    const { endsAt } = await startTrial(owner.ctx, { planId });
    const url = await startCheckout(await fresh(owner), { planId, interval: "month" }, APP);
    return { owner, endsAt, sessionId: url.split("/").pop()!, at: (ms: number) => new Date(endsAt.getTime() - ms) };
  }

  it("survives a sync that finds no subscription (a Checkout left unfinished)", async () => {
    const { owner, endsAt } = await trialWithCheckout();
    await syncTenantBilling(owner.tenant.id, { source: "stripe" });
    const { tenant, trial } = await stateOf(owner.tenant.id);
    expect([tenant.planId, tenant.trialEndsAt?.getTime(), trial?.endedAt]).toEqual(["business", endsAt.getTime(), null]);
  });

  it("is converted, not expired, when the clock runs before a finished Checkout's webhook", async () => {
    const { owner, sessionId, at } = await trialWithCheckout("pro");
    fake.completeCheckout(sessionId); // no webhook delivered, no return page loaded
    await runTrialClock(at(-60_000));
    const { tenant, trial, changes } = await stateOf(owner.tenant.id);
    expect([tenant.planId, trial?.outcome]).toEqual(["pro", "converted"]);
    expect(changes.at(-1)).toEqual(["pro", "pro", "stripe", "trial_converted"]);
    expect(await subjectsTo(owner.user.email)).not.toContain(`The Pro trial of ${owner.tenant.name} has ended`);
  });

  it("stays ended: expired, then subscribed (no trial reason), then cancelled (Free, no trial back)", async () => {
    const { owner, sessionId, at } = await trialWithCheckout();
    await runTrialClock(at(-60_000));
    expect((await stateOf(owner.tenant.id)).tenant.planId).toBe("free");

    const subscription = fake.completeCheckout(sessionId);
    await completeCheckout(await fresh(owner), sessionId);
    let state = await stateOf(owner.tenant.id);
    expect([state.tenant.planId, state.trial?.outcome, state.changes.at(-1)]).toEqual(["business", "expired", ["free", "business", "user", null]]);

    fake.updateSubscription(subscription.id, { status: "canceled" });
    await syncTenantBilling(owner.tenant.id, { source: "stripe" });
    state = await stateOf(owner.tenant.id);
    expect([state.tenant.planId, state.tenant.trialEndsAt]).toEqual(["free", null]);
  });

  it("sends no reminder for a deleted workspace", async () => {
    const { owner } = await freeWorkspace();
    const { endsAt } = await startTrial(owner.ctx, { planId: "pro" });
    await db.update(tenants).set({ deletedAt: new Date() }).where(eq(tenants.id, owner.tenant.id));
    await runTrialClock(new Date(endsAt.getTime() - DAY / 2));
    await runTrialClock(new Date(endsAt.getTime() + 60_000));
    expect(await subjectsTo(owner.user.email)).toEqual([]);
    expect((await stateOf(owner.tenant.id)).trial?.outcome).toBe("expired");
  });
});
