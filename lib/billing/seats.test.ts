import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { createTenant, createUser } from "@/db/factories";
import { db } from "@/db/client";
import { activityLog, subscriptions } from "@/db/schema";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { joinByInviteLink } from "@/lib/invite-links/join-by-link";
import { changeMemberRole } from "@/lib/members/change-role";
import { leaveTenant, removeMember } from "@/lib/members/remove-member";
import { jobsIn, makeRetriesDue } from "@/testing/jobs";
import { contextOf, memberOf, type TestMember } from "@/testing/tenant-context";
import { drainJobs } from "@/lib/worker/drain";
import { completeCheckout, startCheckout } from "./checkout";
import { fakeStripeForTests } from "@/testing/stripe/in-tests";
import { getInvitationCost } from "./invitation-cost";
import { getBillingOverview } from "./overview";
import { handleStripeWebhook } from "./webhook";

const APP = "http://localhost:3000";
const SECRET = "whsec_test_seats";
const stripe = fakeStripeForTests(SECRET);
const { fake } = stripe;
beforeEach(() => stripe.configure());

/** A workspace of `members` people (owner included) subscribed to `planId` through Checkout. */
async function subscribed(planId: "business" | "pro", members = 3) {
  const owner = await memberOf(await createTenant(), "owner");
  const others: TestMember[] = [];
  for (let i = 1; i < members; i++) others.push(await memberOf(owner.tenant, "member"));
  const url = await startCheckout(owner.ctx, { planId, interval: "month" }, APP);
  const sessionId = url.split("/").pop()!;
  const subscription = fake.completeCheckout(sessionId);
  await completeCheckout(owner.ctx, sessionId);
  return { owner, others, subscription, ctx: await contextOf(owner.user, owner.tenant) };
}

const quantityOf = (subscriptionId: string) => fake.subscriptions.get(subscriptionId)!.items.data[0]!.quantity;
const runSeatJobs = () => drainJobs({ names: ["billing-sync-seats"] });
const seatJobsOf = async (tenantId: string) => (await jobsIn("billing-sync-seats")).filter((j) => j.data.tenantId === tenantId);

/** `count` new people join by one invite link, all at once. */
async function joinAtOnce(owner: TestMember, count: number) {
  const { token } = await createInviteLink(await contextOf(owner.user, owner.tenant), { role: "member", maxUses: count }, APP);
  const users = await Promise.all(Array.from({ length: count }, () => createUser()));
  await Promise.all(users.map((u) => joinByInviteLink({ ...u, image: null }, token)));
  return users;
}

async function deliver(event: Stripe.Event) {
  const { payload, signature } = fake.signed(event, SECRET);
  return handleStripeWebhook(payload, signature);
}

describe("a per-seat subscription's quantity", () => {
  it("starts at the member count at Checkout", async () => {
    const { subscription, owner } = await subscribed("business", 3);
    expect(quantityOf(subscription.id)).toBe(3);
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.tenantId, owner.tenant.id));
    expect([row?.quantity, row?.requestedQuantity]).toEqual([3, 3]);
  });

  it("follows joins and removals through the job, prorated as the plan declares", async () => {
    const { subscription, owner, others, ctx } = await subscribed("business", 2);
    const [joiner] = await joinAtOnce(owner, 1);
    expect(quantityOf(subscription.id)).toBe(2); // not in the request: on the queue
    await runSeatJobs();
    expect(quantityOf(subscription.id)).toBe(3);

    await removeMember(ctx, { userId: joiner!.id });
    await leaveTenant(others[0]!.ctx);
    await runSeatJobs();
    expect(quantityOf(subscription.id)).toBe(1);
    expect(fake.quantityUpdates.filter((u) => u.subscription === subscription.id).map((u) => [u.quantity, u.proration_behavior])).toEqual([
      [3, "create_prorations"],
      [1, "create_prorations"],
    ]);
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.tenantId, owner.tenant.id));
    expect([row?.quantity, row?.requestedQuantity]).toEqual([1, 1]);
  });

  it("does not change with a role change, nor on a flat-priced plan", async () => {
    const business = await subscribed("business", 2);
    await changeMemberRole(business.ctx, { userId: business.others[0]!.user.id, role: "admin" });
    expect(await seatJobsOf(business.owner.tenant.id)).toEqual([]);

    const pro = await subscribed("pro", 2);
    await joinAtOnce(pro.owner, 2);
    expect(await seatJobsOf(pro.owner.tenant.id)).toEqual([]);
    await runSeatJobs();
    expect(quantityOf(pro.subscription.id)).toBe(1);
  });

  it("ends a burst of parallel joins at the one right count, set rather than added", async () => {
    const { subscription, owner } = await subscribed("business", 1);
    await joinAtOnce(owner, 6);
    expect((await seatJobsOf(owner.tenant.id)).length).toBe(6);
    await runSeatJobs();
    expect(quantityOf(subscription.id)).toBe(7);
    // Each job set the count it read; the first to run saw all six, the rest found nothing to do.
    expect(fake.quantityUpdates.filter((u) => u.subscription === subscription.id).map((u) => u.quantity)).toEqual([7]);
  });

  it("follows a plan switched in the portal: the member count on the per-seat plan, 1 on the flat one", async () => {
    const { subscription, owner, others } = await subscribed("pro", 3);
    expect(quantityOf(subscription.id)).toBe(1);
    const switched = (lookupKey: string) => {
      fake.updateSubscription(subscription.id, { price: fake.price(lookupKey) });
      return fake.events.filter((e) => e.type === "customer.subscription.updated" && (e.data.object as Stripe.Subscription).id === subscription.id).at(-1)!;
    };

    await deliver(switched("business_seat_monthly"));
    await runSeatJobs();
    expect(quantityOf(subscription.id)).toBe(3);

    // Stripe keeps the item's quantity when its price changes: back on Pro, it would bill 3 × $29.
    await deliver(switched("pro_monthly"));
    expect(quantityOf(subscription.id)).toBe(3);
    await runSeatJobs();
    expect(quantityOf(subscription.id)).toBe(1);

    // A departure before the switch is synced (the tenant still on Business) leaves Pro at 1.
    fake.updateSubscription(subscription.id, { price: fake.price("business_seat_monthly") });
    await deliver(switched("business_seat_monthly"));
    await runSeatJobs();
    fake.updateSubscription(subscription.id, { price: fake.price("pro_monthly") }); // not delivered yet
    await leaveTenant(others[0]!.ctx);
    await runSeatJobs();
    expect(quantityOf(subscription.id)).toBe(1);
    const logged = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, owner.tenant.id), eq(activityLog.action, "billing.seats_corrected")));
    expect(logged).toEqual([]);
  });

  it("is retried while Stripe fails, and lands once it answers", async () => {
    const { subscription, owner } = await subscribed("business", 1);
    await joinAtOnce(owner, 1);
    fake.failNext(3); // the SDK's request and its two retries
    await runSeatJobs();
    const [failed] = await seatJobsOf(owner.tenant.id);
    expect([failed?.state, quantityOf(subscription.id)]).toEqual(["retry", 1]);

    await makeRetriesDue("billing-sync-seats");
    await runSeatJobs();
    expect((await seatJobsOf(owner.tenant.id)).map((j) => j.state)).toEqual(["completed"]);
    expect(quantityOf(subscription.id)).toBe(2);
  });

  it("is read back when changed in Stripe, set back to the member count, and the change logged", async () => {
    const { subscription, owner } = await subscribed("business", 2);
    fake.setQuantity(subscription.id, 9);
    const event = fake.events.filter((e) => e.type === "customer.subscription.updated" && (e.data.object as Stripe.Subscription).id === subscription.id).at(-1)!;
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true } });
    const [read] = await db.select().from(subscriptions).where(eq(subscriptions.tenantId, owner.tenant.id));
    expect(read?.quantity).toBe(9);

    await runSeatJobs();
    expect(quantityOf(subscription.id)).toBe(2);
    const logged = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, owner.tenant.id), eq(activityLog.action, "billing.seats_corrected")));
    expect(logged.map((e) => e.metadata)).toEqual([{ stripe: 9, members: 2, set: 2 }]);

    // The echo of our own correction is not taken for another outside change.
    const echo = fake.events.filter((e) => e.type === "customer.subscription.updated" && (e.data.object as Stripe.Subscription).id === subscription.id).at(-1)!;
    await deliver(echo);
    await runSeatJobs();
    expect(await db.select().from(activityLog).where(and(eq(activityLog.tenantId, owner.tenant.id), eq(activityLog.action, "billing.seats_corrected")))).toHaveLength(1);
  });
});

describe("the next invoice estimate", () => {
  it("is Stripe's preview: seats times the price per seat", async () => {
    const { ctx, owner } = await subscribed("business", 3);
    const estimate = await (await getBillingOverview(ctx)).nextInvoice;
    expect(estimate).toMatchObject({ amountDue: 4500, currency: "usd", quantity: 3 });

    const free = await memberOf(await createTenant(), "owner");
    expect(await (await getBillingOverview(free.ctx)).nextInvoice).toBeNull();
    const member = await memberOf(owner.tenant, "member");
    await expect(getBillingOverview(member.ctx)).rejects.toThrow("Only owners and billing members can see billing.");
  });

  it("says unavailable rather than failing the page when Stripe cannot answer", async () => {
    const { ctx } = await subscribed("business", 1);
    fake.failNext(3); // the preview, the overview's one Stripe call, and the SDK's two retries
    expect(await (await getBillingOverview(ctx)).nextInvoice).toBe("unavailable");
  });
});

describe("the cost of an invitation", () => {
  it("is the price of a seat for the subscription's interval, for those who see billing, on a per-seat plan only", async () => {
    const business = await subscribed("business", 2);
    expect(await getInvitationCost(business.ctx)).toBe("Once accepted, this invitation adds 1 seat, about $15 per month.");
    const admin = await memberOf(business.owner.tenant, "admin");
    expect(await getInvitationCost(admin.ctx)).toBeNull();
    const pro = await subscribed("pro", 1);
    expect(await getInvitationCost(pro.ctx)).toBeNull();
  });
});
