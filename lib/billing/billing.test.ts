import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { planChanges, stripeEvents, subscriptions, tenants } from "@/db/schema";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { LimitReachedError } from "@/lib/plans/limits";
import { PLANS } from "@/lib/plans/plans";
import { memberOf, teamOfEveryRole, type TestMember } from "@/testing/tenant-context";
import { completeCheckout, openBillingPortal, startCheckout } from "./checkout";
import { NOT_CONFIGURED } from "./stripe";
import { fakeStripeForTests } from "@/testing/stripe/in-tests";
import { handleStripeWebhook, SIGNATURE_TOLERANCE_SECONDS } from "./webhook";

const APP = "http://localhost:3000";
const SECRET = "whsec_test_secret";
const stripe = fakeStripeForTests(SECRET);
const { fake } = stripe;
const configureStripe = () => stripe.configure();

beforeEach(() => {
  vi.unstubAllEnvs();
  configureStripe();
});

async function tenantRow(tenantId: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
  return { plan: tenant!.planId, status: subscription?.status ?? null, tenant: tenant!, subscription };
}

/** A tenant with a Stripe customer (made through the real checkout path) and its id. */
async function customerTenant(): Promise<{ owner: TestMember; customer: string; sessionId: string }> {
  const owner = await memberOf(null, "owner");
  const url = await startCheckout(owner.ctx, { planId: "pro", interval: "month" }, APP);
  const sessionId = url.split("/").pop()!;
  const { tenant } = await tenantRow(owner.tenant.id);
  return { owner, customer: tenant.stripeCustomerId!, sessionId };
}

const eventsFor = (customer: string) =>
  fake.events.filter((e) => (e.data.object as { customer?: string }).customer === customer);

async function deliver(event: Stripe.Event, options: { secret?: string; timestamp?: number } = {}) {
  const { payload, signature } = fake.signed(event, options.secret ?? SECRET, options.timestamp);
  return handleStripeWebhook(payload, signature);
}

describe("checkout", () => {
  it("makes one Stripe customer per tenant, tagged with the tenant, and a subscription checkout for the plan's price", async () => {
    const { owner, customer } = await customerTenant();
    await startCheckout(owner.ctx, { planId: "business", interval: "year" }, APP);
    const customers = [...fake.customers.values()].filter((c) => c.metadata.tenant_id === owner.tenant.id);
    expect(customers.map((c) => c.id)).toEqual([customer]);
    const sessions = [...fake.sessions.values()].filter((s) => s.customer === customer);
    expect(sessions.map((s) => [s.mode, fake.lineItemsOf(s.id).map((i) => [i.price?.id, i.quantity])])).toEqual([
      ["subscription", [["price_pro_monthly", 1]]],
      ["subscription", [["price_business_seat_yearly", 1]]],
    ]);
    expect(sessions[0]!.success_url).toBe(`${APP}/t/${owner.tenant.slug}/billing?checkout={CHECKOUT_SESSION_ID}`);
    const posts = fake.requests.filter((r) => r.method === "POST");
    expect(posts.every((r) => r.idempotencyKey)).toBe(true);
  });

  it("gives a double click the same Checkout, and a changed request a new one rather than Stripe's idempotency error", async () => {
    vi.useFakeTimers({ toFake: ["Date"] }); // one minute, the window a double click shares
    vi.setSystemTime(new Date("2030-01-01T12:00:10Z"));
    try {
      const { owner } = await customerTenant();
      const again = await startCheckout(owner.ctx, { planId: "pro", interval: "month" }, APP);
      // Same tenant and price, same minute, but reached under another host name: Stripe
      // refuses a key reused with other parameters, so it must not share the key.
      const elsewhere = await startCheckout(owner.ctx, { planId: "pro", interval: "month" }, "http://127.0.0.1:3000");
      const sessions = [...fake.sessions.values()].filter((s) => s.client_reference_id === owner.tenant.id);
      expect(sessions.map((s) => s.url)).toEqual([again, elsewhere]);
      expect(sessions[1]!.success_url).toMatch(/^http:\/\/127\.0\.0\.1:3000\//);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is for owners and billing members only", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.admin, team.member]) {
      await expect(startCheckout(who.ctx, { planId: "pro", interval: "month" }, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(openBillingPortal(who.ctx, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    await expect(startCheckout(team.billing.ctx, { planId: "pro", interval: "month" }, APP)).resolves.toMatch(/\/checkout\//);
    await expect(openBillingPortal(team.billing.ctx, APP)).resolves.toMatch(/\/portal\//);
  });

  it("shows the new plan on return, at once, and refuses another tenant's session", async () => {
    const { owner, sessionId } = await customerTenant();
    fake.completeCheckout(sessionId);
    const stranger = await memberOf(null, "owner");
    await expect(completeCheckout(stranger.ctx, sessionId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await tenantRow(stranger.tenant.id)).plan).toBe("free");

    await completeCheckout(owner.ctx, sessionId);
    const row = await tenantRow(owner.tenant.id);
    expect([row.plan, row.status, row.subscription?.interval]).toEqual(["pro", "active", "month"]);
    const history = await db.select().from(planChanges).where(eq(planChanges.tenantId, owner.tenant.id));
    expect(history.map((h) => [h.fromPlan, h.toPlan, h.source, h.changedById])).toEqual([["free", "pro", "user", owner.user.id]]);
  });

  it("sends a subscribed tenant to the portal instead of a second checkout", async () => {
    const { owner, sessionId } = await customerTenant();
    fake.completeCheckout(sessionId);
    await completeCheckout(owner.ctx, sessionId);
    await expect(startCheckout(owner.ctx, { planId: "business", interval: "month" }, APP)).rejects.toThrow(/billing portal/);
  });

  it("asks Stripe, not only the last webhook, before opening a second checkout", async () => {
    const { owner, customer } = await customerTenant();
    fake.createSubscription(customer, fake.price("pro_monthly")); // no webhook delivered, no return page loaded
    await expect(startCheckout(owner.ctx, { planId: "business", interval: "month" }, APP)).rejects.toThrow(/billing portal/);
  });

  it("says billing is not configured, and changes nothing, without Stripe keys", async () => {
    vi.unstubAllEnvs();
    const owner = await memberOf(null, "owner");
    await expect(startCheckout(owner.ctx, { planId: "pro", interval: "month" }, APP)).rejects.toThrow(NOT_CONFIGURED);
    expect((await tenantRow(owner.tenant.id)).tenant.stripeCustomerId).toBeNull();
    expect(await handleStripeWebhook("{}", "t=1,v1=x")).toMatchObject({ status: 404 });
  });
});

describe("webhook", () => {
  it("rejects a missing, forged, foreign or stale signature, and changes nothing", async () => {
    const { owner, customer } = await customerTenant();
    const subscription = fake.createSubscription(customer, fake.price("pro_monthly"));
    const event = eventsFor(customer).find((e) => (e.data.object as { id: string }).id === subscription.id)!;
    const { payload, signature } = fake.signed(event);

    expect((await handleStripeWebhook(payload, null)).status).toBe(400);
    expect((await handleStripeWebhook(payload.replace("active", "trialing"), signature)).status).toBe(400);
    expect((await deliver(event, { secret: "whsec_someone_else" })).status).toBe(400);
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
    expect((await tenantRow(owner.tenant.id)).plan).toBe("free");
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);

    expect((await deliver(event)).status).toBe(200);
    expect((await tenantRow(owner.tenant.id)).plan).toBe("pro");
  });

  it("rejects a validly signed event timestamped outside the tolerance either way, and changes nothing", async () => {
    const { owner, customer } = await customerTenant();
    fake.createSubscription(customer, fake.price("pro_monthly"));
    const event = eventsFor(customer).at(-1)!;
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now + 3600, now + SIGNATURE_TOLERANCE_SECONDS + 60, now - SIGNATURE_TOLERANCE_SECONDS - 60]) {
      expect(await deliver(event, { timestamp })).toEqual({
        status: 400,
        body: { error: `Stripe-Signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from now (stale or future-dated)` },
      });
    }
    expect((await tenantRow(owner.tenant.id)).plan).toBe("free");
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);
    // Clock skew inside the tolerance is fine, ahead or behind.
    expect((await deliver(event, { timestamp: now + SIGNATURE_TOLERANCE_SECONDS - 60 })).status).toBe(200);
    expect((await tenantRow(owner.tenant.id)).plan).toBe("pro");
  });

  it("answers 400, recording nothing, for a signed body that is not a well-formed event", async () => {
    const { owner, customer } = await customerTenant();
    fake.createSubscription(customer, fake.price("pro_monthly"));
    const event = eventsFor(customer).at(-1)! as unknown as Record<string, unknown> & { data: { object: Record<string, unknown> } };
    const without = (key: string) => Object.fromEntries(Object.entries(event).filter(([k]) => k !== key));
    const bodies: [string, string][] = [
      [JSON.stringify(without("id")), "id"],
      [JSON.stringify({ ...event, id: "" }), "id"],
      [JSON.stringify({ ...event, id: 42 }), "id"],
      [JSON.stringify({ ...event, id: "evt_\u0000" }), "id"],
      [JSON.stringify(without("type")), "type"],
      [JSON.stringify({ ...event, data: {} }), "data.object"],
      [JSON.stringify({ ...event, data: { object: "sub_1" } }), "data.object"],
      [JSON.stringify({ ...event, data: { object: { ...event.data.object, customer: 7 } } }), "data.object.customer"],
      [JSON.stringify({ ...event, data: { object: { ...event.data.object, customer: { id: null } } } }), "data.object.customer"],
      [JSON.stringify({ ...event, object: "v2.core.event" }), "thin"],
      [JSON.stringify({ ...event, object: "subscription" }), "object"],
      [JSON.stringify([event]), "body"],
      ["null", "body"],
      ['{"id": "evt_1", ', "not JSON"],
    ];
    for (const [payload, what] of bodies) {
      const reply = await handleStripeWebhook(payload, fake.signature(payload));
      expect(reply.status, payload).toBe(400);
      expect(String(reply.body.error), payload).toContain(what);
    }
    expect((await tenantRow(owner.tenant.id)).plan).toBe("free");
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id as string))).toEqual([]);
  });

  it("refuses a Stripe-Signature header without exactly one numeric timestamp", async () => {
    const { customer } = await customerTenant();
    fake.createSubscription(customer, fake.price("pro_monthly"));
    const { payload, signature } = fake.signed(eventsFor(customer).at(-1)!);
    const now = Math.floor(Date.now() / 1000);
    for (const header of [signature.replace(/^t=\d+,/, ""), `t=${now},${signature}`, signature.replace(/^t=(\d+)/, "t=$1abc")]) {
      expect(await handleStripeWebhook(payload, header)).toMatchObject({ status: 400 });
    }
  });

  it("handles a replayed event once", async () => {
    const { owner, customer } = await customerTenant();
    fake.createSubscription(customer, fake.price("pro_monthly"));
    const [event] = eventsFor(customer);
    expect(await deliver(event!)).toEqual({ status: 200, body: { received: true } });
    expect(await deliver(event!)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await db.select().from(planChanges).where(and(eq(planChanges.tenantId, owner.tenant.id), eq(planChanges.source, "stripe")))).toHaveLength(1);
  });

  it("converges to Stripe's state whatever the order and number of deliveries", async () => {
    const cases = [
      { steps: ["pro", "business", "past_due"], plan: "business", status: "past_due" },
      { steps: ["pro", "business", "canceled"], plan: "free", status: "canceled" },
      { steps: ["business", "pro"], plan: "pro", status: "active" },
    ];
    const monthly = (plan: string) => PLANS[plan as "pro" | "business"].prices.month!.lookupKey;
    for (const { steps, plan, status } of cases) {
      const { owner, customer } = await customerTenant();
      let subscription = fake.createSubscription(customer, fake.price(monthly(steps[0]!)));
      for (const step of steps.slice(1)) {
        subscription =
          step === "past_due" || step === "canceled"
            ? fake.updateSubscription(subscription.id, { status: step })
            : fake.updateSubscription(subscription.id, { price: fake.price(monthly(step)) });
      }
      const events = eventsFor(customer);
      expect(events.length).toBeGreaterThanOrEqual(steps.length);
      for (let ordering = 0; ordering < 12; ordering++) {
        // Start from nothing, then deliver every event twice, in a random order.
        await db.update(tenants).set({ planId: "free" }).where(eq(tenants.id, owner.tenant.id));
        await db.delete(subscriptions).where(eq(subscriptions.tenantId, owner.tenant.id));
        await db.delete(stripeEvents).where(inArray(stripeEvents.id, events.map((e) => e.id)));
        const deliveries = [...events, ...events].sort(() => Math.random() - 0.5);
        for (const event of deliveries) expect((await deliver(event)).status).toBe(200);
        expect(await tenantRow(owner.tenant.id).then((r) => [r.plan, r.status])).toEqual([plan, status]);
      }
    }
  });

  it("keeps the plan while past due, and goes to free when canceled, unpaid or expired", async () => {
    for (const [status, plan] of [
      ["past_due", "pro"],
      ["unpaid", "free"],
      ["canceled", "free"],
      ["incomplete_expired", "free"],
      ["trialing", "pro"],
    ] as const) {
      const { owner, customer } = await customerTenant();
      const subscription = fake.createSubscription(customer, fake.price("pro_monthly"));
      await deliver(eventsFor(customer).at(-1)!);
      expect((await tenantRow(owner.tenant.id)).plan).toBe("pro");
      fake.updateSubscription(subscription.id, { status });
      await deliver(eventsFor(customer).at(-1)!);
      expect(await tenantRow(owner.tenant.id).then((r) => [r.plan, r.status])).toEqual([plan, status]);
    }
  });

  it("answers with an error when Stripe cannot be read, so the delivery is retried", async () => {
    const { owner, customer } = await customerTenant();
    fake.createSubscription(customer, fake.price("pro_monthly"));
    const [event] = eventsFor(customer);
    vi.stubEnv("STRIPE_API_BASE", "http://localhost:9"); // nothing listens there
    await expect(deliver(event!)).rejects.toThrow();
    expect((await tenantRow(owner.tenant.id)).plan).toBe("free");
    configureStripe();
    expect(await deliver(event!)).toEqual({ status: 200, body: { received: true } });
    expect((await tenantRow(owner.tenant.id)).plan).toBe("pro");
  });

  it("ignores customers that are not ours", async () => {
    const subscription = fake.createSubscription("cus_not_ours", fake.price("pro_monthly"));
    const event = fake.events.find((e) => (e.data.object as { id: string }).id === subscription.id)!;
    expect((await deliver(event)).status).toBe(200);
  });
});

describe("plan limits", () => {
  const invite = (member: TestMember, email: string) => createInvitation(member.ctx, { email, role: "member" }, APP);

  it("counts members and pending invitations against the plan, with a message that names the limit", async () => {
    const owner = await memberOf(null, "owner");
    await invite(owner, `a-${owner.tenant.id}@example.test`);
    await invite(owner, `b-${owner.tenant.id}@example.test`);
    const error = await invite(owner, `c-${owner.tenant.id}@example.test`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitReachedError);
    expect((error as UserError).message).toBe("The Free plan allows 3 members (pending invitations count). Upgrade on the billing page to add more.");
    expect((error as LimitReachedError).billingPath).toBe(`/t/${owner.tenant.slug}/billing`);

    await db.update(tenants).set({ planId: "pro" }).where(eq(tenants.id, owner.tenant.id));
    await expect(invite(owner, `c-${owner.tenant.id}@example.test`)).resolves.toBeDefined();
  });

  it("cannot be passed by parallel invitations", async () => {
    const owner = await memberOf(null, "owner");
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => invite(owner, `p${i}-${owner.tenant.id}@example.test`)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof LimitReachedError)).toBe(true);
  });
});
