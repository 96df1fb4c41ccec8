// The billing page as Next renders it: a running trial's card and the per-seat plan's
// seats, the trial buttons a Free workspace's owner gets, and the guard.
import { type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addMember, createTenant, createUser } from "@/db/factories";
import { recordStatements } from "@/db/statement-log";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { queueSeatSync } from "@/lib/billing/seats";
import { drainJobs } from "@/lib/worker/drain";
import { completeCheckout, startCheckout } from "@/lib/billing/checkout";
import { fakeStripeForTests } from "@/testing/stripe/in-tests";
import { expireTrial } from "@/lib/billing/trial-clock";
import { startTrial } from "@/lib/billing/trials";
import { newRequest, signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import BillingPage from "./page";
import { resolveServerComponents } from "@/testing/render-server";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));

const APP = "http://localhost:3000";
const DAY_MS = 86_400_000;
// The guard's one statement; then, in one parallel wave, the tenant, its subscription, every
// plan counter with the seats in one statement (however many resources are declared), and
// the trials: one statement more here is one more query per view.
const STATEMENTS = 1 + 4;

const html = async (slug: string, search: Record<string, string> = {}) =>
  renderToStaticMarkup(
    (await resolveServerComponents((await BillingPage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve(search) })) as ReactNode)) as ReactElement,
  );
const testId = (markup: string, id: string) => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(markup)?.[1];
const button = (markup: string, id: string) => new RegExp(`<button[^>]*data-testid="${id}"[^>]*>`).exec(markup)?.[0];

beforeEach(() => {
  newRequest();
  vi.stubEnv("STRIPE_SECRET_KEY", "");
});
afterAll(() => vi.unstubAllEnvs());

describe("the billing page", () => {
  it("shows a running trial: its card, days left, the seats of the per-seat plan and a button to subscribe", async () => {
    const owner = await memberOf(null, "owner", "Olive Owner");
    const { endsAt } = await startTrial(owner.ctx, { planId: "business" });

    await signInAs(owner.user);
    const page = await html(owner.tenant.slug, { trial: "started" });
    const endsOn = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(endsAt);
    expect(page).toContain(`Your 14-day Business trial has started. It ends on ${endsOn}; no card needed.`);
    expect(page).toContain('data-testid="trial-card"');
    expect(page).toContain(`Business trial, ends on ${endsOn} (14 days left)`);
    expect(testId(page, "subscription-status")).toBe("Trial");
    expect(page).toContain("Subscribe to Business");
    expect(page).toContain("Upgrade to Pro");
    expect(page).not.toContain("Start 14-day free trial");
    // The had-a-trial refusal is not said while the trial runs.
    expect(page).not.toContain("has had its free trial");

    expect(testId(page, "seats-in-use")).toBe("1");
    expect(testId(page, "seats-paid")).toBe("—");
    expect(testId(page, "seat-price")).toBe("$15 / member / month");
    expect(page).toContain("$15<span"); // the plan card's price, per member
    expect(page).toContain(" / member / month</span>");
    // No subscription (and no Stripe here): no estimate of a next invoice.
    expect(page).not.toContain('data-testid="next-invoice"');

    // A read: the guard's statement, then the overview's reads side by side, and no write.
    newRequest();
    await signInAs(owner.user);
    const { statements } = await recordStatements(() => html(owner.tenant.slug));
    expect(statements.filter((s) => /^\s*(insert|update|delete)\b/i.test(s)), statements.join("\n\n")).toEqual([]);
    expect(statements.length, statements.join("\n\n")).toBe(STATEMENTS);
  });

  it("offers a Free workspace's owner the trials, enabled without Stripe, while Checkout is not", async () => {
    const owner = await memberOf(null, "owner");
    await signInAs(owner.user);
    const page = await html(owner.tenant.slug);
    for (const planId of ["pro", "business"]) {
      expect(button(page, `start-trial-${planId}`)).toBeDefined();
      expect(button(page, `start-trial-${planId}`)).not.toContain('disabled=""');
    }
    expect(page.split('data-testid="start-trial-').length - 1).toBe(2);
    expect(page).not.toContain('data-testid="trial-card"');
    expect(page).not.toContain('data-testid="seats-in-use"');
    expect(/<button[^>]*disabled=""[^>]*>Upgrade to Pro</.test(page)).toBe(true);
  });

  it("says quietly that a trial ended, and offers no other", async () => {
    const owner = await memberOf(null, "owner");
    const { endsAt } = await startTrial(owner.ctx, { planId: "business" });
    await expireTrial(owner.tenant.id, new Date(endsAt.getTime() + DAY_MS));

    await signInAs(owner.user);
    const page = await html(owner.tenant.slug, { trial: "started" });
    const endedOn = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(endsAt);
    expect(page).toContain(`Your Business trial ended on ${endedOn}.`);
    expect(page).not.toContain("trial has started");
    expect(page).not.toContain('data-testid="trial-card"');
    expect(page).not.toContain('data-testid="start-trial-');
    expect(page).toContain("This workspace has had its free trial. Choose a plan to continue.");
  });

  it("gives billing members no trial button and no refusal to read", async () => {
    const owner = await memberOf(null, "owner");
    const billing = await memberOf(owner.tenant, "billing");
    await signInAs(billing.user);
    const page = await html(owner.tenant.slug);
    expect(page).toContain("Upgrade to Pro");
    expect(page).not.toContain('data-testid="start-trial-');
    expect(page).not.toContain("Only an owner can start a free trial.");
  });

  it("is refused to a member", async () => {
    const team = await teamOfEveryRole();
    await signInAs(team.member.user);
    const page = await html(team.tenant.slug);
    expect(page).toContain("Only owners and billing members can see and change the plan.");
    expect(page).not.toContain("Plans");
  });
});

describe("the billing page of a per-seat subscription", () => {
  const stripe = fakeStripeForTests();
  const { fake } = stripe;
  beforeEach(() => stripe.configure());

  /** A Business workspace of three, subscribed through Checkout. */
  async function subscribedOfThree() {
    const owner = await memberOf(await createTenant(), "owner");
    await memberOf(owner.tenant, "member");
    await memberOf(owner.tenant, "member");
    const sessionId = (await startCheckout(owner.ctx, { planId: "business", interval: "month" }, APP)).split("/").pop()!;
    fake.completeCheckout(sessionId);
    await completeCheckout(owner.ctx, sessionId);
    await signInAs(owner.user);
    return owner;
  }

  it("shows the seats Stripe bills and its estimate of the next invoice, and no trial to start", async () => {
    const owner = await subscribedOfThree();
    const page = await html(owner.tenant.slug);
    expect(testId(page, "seats-in-use")).toBe("3");
    expect(testId(page, "seats-paid")).toBe("3");
    expect(testId(page, "seat-price")).toBe("$15 / member / month");
    expect(testId(page, "next-invoice")).toMatch(/^Next invoice: about \$45\.00 on [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/);
    expect(page).not.toContain("Updating Stripe");
    expect(page).not.toContain('data-testid="start-trial-');
    expect(page).not.toContain('data-testid="trial-card"');
  });

  it("says Stripe is being updated while the seats paid lag the members", async () => {
    const owner = await subscribedOfThree();
    await addMember(owner.tenant, await createUser(), "member");
    const page = await html(owner.tenant.slug);
    expect(testId(page, "seats-in-use")).toBe("4");
    expect(testId(page, "seats-paid")).toBe("3");
    expect(page).toContain("Updating Stripe to 4 seats…");
  });

  it("says Stripe still bills the old count when the seats job has failed for a while", async () => {
    const owner = await subscribedOfThree();
    const joiner = await createUser();
    await db.transaction(async (tx) => {
      await addMember(owner.tenant, joiner, "member", tx);
      await queueSeatSync(tx, owner.tenant.id);
    });
    expect(await html(owner.tenant.slug)).toContain("Updating Stripe to 4 seats…");
    await db.update(subscriptions).set({ quantityPendingSince: new Date(Date.now() - 11 * 60_000) }).where(eq(subscriptions.tenantId, owner.tenant.id));
    expect(await html(owner.tenant.slug)).toContain("Stripe still bills 3 seats for 4 members. We keep retrying; if this stays, check Manage billing.");

    await drainJobs({ names: ["billing-sync-seats"] });
    const settled = await html(owner.tenant.slug);
    expect([testId(settled, "seats-paid"), settled.includes("Stripe still bills")]).toEqual(["4", false]);
  });

  it("says so when Stripe cannot estimate the next invoice", async () => {
    const owner = await subscribedOfThree();
    fake.failNext(3); // the first try and the SDK's two retries
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(testId(await html(owner.tenant.slug), "next-invoice")).toBe("Stripe could not give an estimate just now.");
    expect(warn).toHaveBeenCalledWith("[billing] upcoming invoice preview failed:", expect.any(String));
    warn.mockRestore();
  });
});
