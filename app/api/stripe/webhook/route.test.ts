import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { POST } from "./route";

const SECRET = "whsec_route_test";
const signer = new Stripe("sk_test_route_signer");

function delivery(body: string, timestamp?: number) {
  const signature = signer.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp });
  return new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signature }, body });
}

const event = (id: string | undefined) => ({ id, object: "event", type: "customer.created", data: { object: { id: "cus_route", object: "customer" } } });

beforeEach(() => {
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_route");
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("STRIPE_API_BASE", "http://localhost:9"); // never called: nothing here is handled
});
afterAll(() => vi.unstubAllEnvs());

describe("POST /api/stripe/webhook", () => {
  it("answers 400, not 500, to a validly signed event without an id", async () => {
    const response = await POST(delivery(JSON.stringify(event(undefined))));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringContaining("id") });
  });

  it("answers 400 to a validly signed event dated an hour ahead, and records nothing", async () => {
    const response = await POST(delivery(JSON.stringify(event("evt_route_future")), Math.floor(Date.now() / 1000) + 3600));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringContaining("future-dated") });
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, "evt_route_future"))).toEqual([]);
  });

  it("records a well-formed, current event", async () => {
    const response = await POST(delivery(JSON.stringify(event("evt_route_ok"))));
    expect([response.status, await response.json()]).toEqual([200, { received: true }]);
    expect(await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, "evt_route_ok"))).toEqual([{ id: "evt_route_ok" }]);
  });
});
