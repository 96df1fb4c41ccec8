import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createTenant } from "@/db/factories";
import { activityLog, customers, memberships, planChanges, subscriptions, tenants, users } from "@/db/schema";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { completeCheckout, startCheckout } from "@/lib/billing/checkout";
import { syncTenantBilling } from "@/lib/billing/sync";
import { fakeStripeForTests } from "@/testing/stripe/in-tests";
import { createCustomer } from "@/lib/customers/customers";
import { listOutbox } from "@/lib/email/outbox";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import { deliverQueuedMail, jobsIn, makeRetriesDue } from "@/testing/jobs";
import { loadTenantContext, memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { drainJobs } from "@/lib/worker/drain";
import { deleteTenant } from "./delete-tenant";
import { resolveHomePath } from "./home";
import { purgeDeletedTenants } from "./purge-tenants";
import { listRestorableTenants, restoreTenant } from "./restore-tenant";

const APP = "http://localhost:3000";
const DAY = 86_400_000;
const RULE = { limit: 1000, windowSeconds: 60 };
const stripe = fakeStripeForTests();
const { fake } = stripe;
beforeEach(() => {
  vi.unstubAllEnvs();
});

const configureStripe = () => stripe.configure();

const tenantRow = async (id: string) => (await db.select().from(tenants).where(eq(tenants.id, id)))[0];
const actionsOf = async (tenantId: string) => (await db.select({ action: activityLog.action }).from(activityLog).where(eq(activityLog.tenantId, tenantId)).orderBy(activityLog.id)).map((r) => r.action);
const setDeletedAt = (id: string, at: Date) => db.update(tenants).set({ deletedAt: at }).where(eq(tenants.id, id));

describe("deleting a workspace", () => {
  it("is for owners only, after typing its exact name; anything else changes nothing", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.admin, team.member, team.billing]) {
      await expect(deleteTenant(who.ctx, { confirmName: team.tenant.name }, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    for (const confirmName of ["", team.tenant.name.toUpperCase(), `${team.tenant.name}x`, "\u0000"]) {
      const error = await deleteTenant(team.owner.ctx, { confirmName }, APP).catch((e: unknown) => e);
      expect(error, JSON.stringify(confirmName)).toBeInstanceOf(UserError);
      expect((error as UserError).fieldErrors?.confirmName?.[0]).toBeTruthy();
    }
    expect((await tenantRow(team.tenant.id))!.deletedAt).toBeNull();
    expect(await jobsIn("email-send").then((jobs) => jobs.filter((j) => String(j.data.subject).includes("was deleted")))).toEqual([]);
  });

  it("shuts out every member and API key at once, mails every member, and logs it", async () => {
    const team = await teamOfEveryRole();
    const { key } = await createApiKey(team.owner.ctx, { name: "Sync", scopes: ["customers:read"] });
    expect(await authenticateApiKey(`Bearer ${key}`, RULE)).toMatchObject({ tenant: { id: team.tenant.id } });

    await deleteTenant(team.owner.ctx, { confirmName: team.tenant.name }, APP);

    for (const who of [team.owner, team.admin, team.member, team.billing]) {
      expect(await loadTenantContext(who.user, team.tenant.slug)).toBeNull();
    }
    expect(await authenticateApiKey(`Bearer ${key}`, RULE)).toBe("unknown");
    await deliverQueuedMail();
    const mail = (await listOutbox(200)).filter((m) => m.subject === `${team.tenant.name} was deleted on Starter`);
    expect(mail.map((m) => m.to).sort()).toEqual([team.owner, team.admin, team.member, team.billing].map((w) => w.user.email).sort());
    expect(mail[0]!.text).toContain(`${APP}/account`);
    expect(await actionsOf(team.tenant.id)).toContain("tenant.deleted");
    // The row, its data and its slug stay until the purge.
    expect((await tenantRow(team.tenant.id))!.deletedAt).toBeInstanceOf(Date);
    await expect(createTenant({ slug: team.tenant.slug })).rejects.toThrow();
  });

  it("gives a member left with no workspace a fresh personal one on their next visit", async () => {
    const owner = await memberOf(null, "owner");
    const elsewhere = await memberOf(null, "owner");
    const alone = await memberOf(owner.tenant, "member");
    await memberOf(elsewhere.tenant, "member").then(() => undefined);
    const both = await memberOf(owner.tenant, "member");
    await db.insert(memberships).values({ tenantId: elsewhere.tenant.id, userId: both.user.id, role: "member" });
    await db.update(users).set({ personalTenantCreatedAt: new Date() }).where(eq(users.id, alone.user.id));

    await deleteTenant(owner.ctx, { confirmName: owner.tenant.name }, APP);

    const home = await resolveHomePath(alone.user);
    expect(home).toMatch(/^\/t\//);
    expect(home).not.toBe(`/t/${owner.tenant.slug}`);
    expect(await resolveHomePath(both.user)).toBe(`/t/${elsewhere.tenant.slug}`);
  });

  it("cancels a paid subscription in Stripe through a job that retries until Stripe answers", async () => {
    configureStripe();
    const owner = await memberOf(null, "owner");
    const sessionId = (await startCheckout(owner.ctx, { planId: "pro", interval: "month" }, APP)).split("/").pop()!;
    const subscription = fake.completeCheckout(sessionId);
    await completeCheckout(owner.ctx, sessionId);
    expect((await tenantRow(owner.tenant.id))!.planId).toBe("pro");

    await deleteTenant(owner.ctx, { confirmName: owner.tenant.name }, APP);
    const [job] = (await jobsIn("billing-cancel-subscription")).filter((j) => j.data.tenantId === owner.tenant.id);
    expect(job).toMatchObject({ state: "created", data: { tenantId: owner.tenant.id } });

    fake.failNext(3); // the SDK's request and its two retries
    expect(await drainJobs({ names: ["billing-cancel-subscription"] })).toEqual({ completed: 0, failed: 1 });
    expect(fake.subscriptions.get(subscription.id)!.status).toBe("active");
    expect((await jobsIn("billing-cancel-subscription")).find((j) => j.id === job!.id)!.state).toBe("retry");

    await makeRetriesDue("billing-cancel-subscription");
    expect(await drainJobs({ names: ["billing-cancel-subscription"] })).toEqual({ completed: 1, failed: 0 });
    expect(fake.subscriptions.get(subscription.id)!.status).toBe("canceled");
    expect((await tenantRow(owner.tenant.id))!.planId).toBe("free");

    // Run twice (at least once delivery): it finds the subscription ended and asks Stripe for nothing more.
    const cancels = () => fake.requests.filter((r) => r.method === "DELETE" && r.path === `/v1/subscriptions/${subscription.id}`).length;
    const before = cancels();
    const { cancelSubscriptionNow } = await import("@/lib/billing/cancel-subscription");
    await cancelSubscriptionNow(job!.data as { tenantId: string; before: string });
    expect(cancels()).toBe(before);
    const history = await db.select().from(planChanges).where(eq(planChanges.tenantId, owner.tenant.id));
    expect(history.map((h) => [h.fromPlan, h.toPlan, h.source])).toEqual([
      ["free", "pro", "user"],
      ["pro", "free", "stripe"],
    ]);
  });

  it("cancels a subscription that appears after the deletion (a Checkout finished meanwhile), when Stripe's webhook syncs it", async () => {
    configureStripe();
    const owner = await memberOf(null, "owner");
    const sessionId = (await startCheckout(owner.ctx, { planId: "pro", interval: "month" }, APP)).split("/").pop()!;
    await deleteTenant(owner.ctx, { confirmName: owner.tenant.name }, APP);
    await drainJobs({ names: ["billing-cancel-subscription"] }); // nothing to cancel yet
    const late = fake.completeCheckout(sessionId);
    await syncTenantBilling(owner.tenant.id, { source: "stripe" }); // what the webhook does
    await drainJobs({ names: ["billing-cancel-subscription"] });
    expect(fake.subscriptions.get(late.id)!.status).toBe("canceled");
    expect((await tenantRow(owner.tenant.id))!.planId).toBe("free");
  });

  it("is refused to an owner demoted since the page loaded", async () => {
    const team = await teamOfEveryRole();
    const staleOwner = team.owner.ctx;
    await db.update(memberships).set({ role: "admin" }).where(and(eq(memberships.tenantId, team.tenant.id), eq(memberships.userId, team.owner.user.id)));
    await db.insert(memberships).values({ tenantId: team.tenant.id, userId: team.member.user.id, role: "owner" }).onConflictDoUpdate({ target: [memberships.tenantId, memberships.userId], set: { role: "owner" } });
    await expect(deleteTenant(staleOwner, { confirmName: team.tenant.name }, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await tenantRow(team.tenant.id))!.deletedAt).toBeNull();
  });

  it("queues no cancellation without a live subscription", async () => {
    const owner = await memberOf(null, "owner");
    await deleteTenant(owner.ctx, { confirmName: owner.tenant.name }, APP);
    expect((await jobsIn("billing-cancel-subscription")).filter((j) => j.data.tenantId === owner.tenant.id)).toEqual([]);
  });
});

describe("restoring a workspace", () => {
  it("is for its owners within 30 days, and gives everyone access back", async () => {
    const team = await teamOfEveryRole();
    await deleteTenant(team.owner.ctx, { confirmName: team.tenant.name }, APP);
    expect(await listRestorableTenants(team.admin.user)).toEqual([]);
    expect((await listRestorableTenants(team.owner.user)).map((t) => t.id)).toEqual([team.tenant.id]);
    const stranger = await memberOf(null, "owner");
    for (const who of [team.admin.user, team.member.user, stranger.user]) {
      await expect(restoreTenant(who, { tenantId: team.tenant.id }, null)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(restoreTenant(team.owner.user, { tenantId: "not-a-uuid" }, null)).rejects.toBeInstanceOf(UserError);

    expect(await restoreTenant(team.owner.user, { tenantId: team.tenant.id }, "203.0.113.9")).toEqual({ slug: team.tenant.slug });
    expect(await loadTenantContext(team.member.user, team.tenant.slug)).not.toBeNull();
    expect(await actionsOf(team.tenant.id)).toEqual(expect.arrayContaining(["tenant.deleted", "tenant.restored"]));
    await expect(restoreTenant(team.owner.user, { tenantId: team.tenant.id }, null)).rejects.toBeInstanceOf(NotFoundError); // not deleted any more
  });

  it("is too late after 30 days", async () => {
    const owner = await memberOf(null, "owner");
    await deleteTenant(owner.ctx, { confirmName: owner.tenant.name }, APP);
    await setDeletedAt(owner.tenant.id, new Date(Date.now() - 30 * DAY - 60_000));
    expect(await listRestorableTenants(owner.user)).toEqual([]);
    await expect(restoreTenant(owner.user, { tenantId: owner.tenant.id }, null)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("purging deleted workspaces", () => {
  it("erases those deleted over 30 days ago with everything they own, and frees the slug; keeps the rest", async () => {
    const old = await memberOf(null, "owner");
    const recent = await memberOf(null, "owner");
    const live = await memberOf(null, "owner");
    for (const who of [old, recent, live]) await createCustomer(who.ctx, { name: "Ada" });
    await createApiKey(old.ctx, { name: "Old key", scopes: ["customers:read"] });
    await deleteTenant(old.ctx, { confirmName: old.tenant.name }, APP);
    await deleteTenant(recent.ctx, { confirmName: recent.tenant.name }, APP);
    await setDeletedAt(old.tenant.id, new Date(Date.now() - 31 * DAY));
    await setDeletedAt(recent.tenant.id, new Date(Date.now() - 29 * DAY));

    const { purged } = await purgeDeletedTenants();
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await tenantRow(old.tenant.id)).toBeUndefined();
    expect(await db.select().from(customers).where(eq(customers.tenantId, old.tenant.id))).toEqual([]);
    expect(await db.select().from(memberships).where(eq(memberships.tenantId, old.tenant.id))).toEqual([]);
    expect(await db.select().from(activityLog).where(eq(activityLog.tenantId, old.tenant.id))).toEqual([]);
    expect(await tenantRow(recent.tenant.id)).toBeDefined();
    expect(await db.select().from(customers).where(and(eq(customers.tenantId, live.tenant.id)))).toHaveLength(1);
    // The user stays; only the workspace went.
    expect((await db.select().from(users).where(eq(users.id, old.user.id))).length).toBe(1);
    await expect(createTenant({ slug: old.tenant.slug })).resolves.toMatchObject({ slug: old.tenant.slug });
    expect(await purgeDeletedTenants()).toEqual({ purged: 0 }); // run twice: nothing more
  });

  it("waits for a subscription Stripe may still bill, and asks for its cancellation", async () => {
    const owner = await memberOf(null, "owner");
    await deleteTenant(owner.ctx, { confirmName: owner.tenant.name }, APP);
    await setDeletedAt(owner.tenant.id, new Date(Date.now() - 31 * DAY));
    await db.insert(subscriptions).values({ tenantId: owner.tenant.id, stripeSubscriptionId: "sub_still_live", status: "active" });
    await purgeDeletedTenants();
    expect(await tenantRow(owner.tenant.id)).toBeDefined();
    expect((await jobsIn("billing-cancel-subscription")).filter((j) => j.data.tenantId === owner.tenant.id)).toHaveLength(1);
    await db.update(subscriptions).set({ status: "canceled" }).where(eq(subscriptions.tenantId, owner.tenant.id));
    await purgeDeletedTenants();
    expect(await tenantRow(owner.tenant.id)).toBeUndefined();
  });
});
