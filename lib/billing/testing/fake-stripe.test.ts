// The fake must answer as Stripe does: these tests drive it through the real SDK client,
// pointed at it the way the app is (STRIPE_API_BASE), and read the wire where the SDK
// would hide a difference.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getStripe } from "../stripe";
import { FakeStripe } from "./fake-stripe";
import { decodeParams, parseForm } from "./params";

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await new FakeStripe().start();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.stop();
});
beforeEach(() => {
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_fake_fidelity");
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", "whsec_fake_fidelity");
  vi.stubEnv("STRIPE_API_BASE", fake.url);
  stripe = getStripe()!;
});

/** The raw HTTP answer, for what the SDK would smooth over. */
async function wire(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    body,
    headers: { authorization: "Bearer sk_test_wire", "content-type": "application/x-www-form-urlencoded", ...headers },
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

const key = () => `test-${crypto.randomUUID()}`;

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

async function subscribedCustomer() {
  const customer = await stripe.customers.create({ name: "Acme" });
  const session = await stripe.checkout.sessions.create({ mode: "subscription", customer: customer.id, line_items: [{ price: "price_pro_monthly", quantity: 1 }] });
  return { customer, session, subscription: fake.completeCheckout(session.id) };
}

describe("parameters", () => {
  it("decodes Stripe's form encoding into booleans, integers, nested arrays and maps", () => {
    const tree = parseForm("line_items[0][price]=price_a&line_items[0][quantity]=3&line_items[1][price]=price_b&allow_promotion_codes=false&metadata[tenant_id]=t1&mode=subscription");
    const decoded = decodeParams<Stripe.Checkout.SessionCreateParams>(
      { line_items: { list: { fields: { price: "string", quantity: "integer" } } }, allow_promotion_codes: "boolean", metadata: "metadata", mode: { enum: ["payment", "setup", "subscription"] } },
      tree,
    );
    expect(decoded).toEqual({
      params: { line_items: [{ price: "price_a", quantity: 3 }, { price: "price_b" }], allow_promotion_codes: false, metadata: { tenant_id: "t1" }, mode: "subscription" },
    });
  });

  it("hands back what the SDK sent in its own types, and line items only when expanded, as Stripe does", async () => {
    const customer = await stripe.customers.create({ name: "Acme", metadata: { tenant_id: "t1" } });
    const created = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: "price_pro_yearly", quantity: 2 }],
      allow_promotion_codes: true,
      success_url: "http://app.test/ok",
    });
    expect(created.allow_promotion_codes).toBe(true);
    expect(created).not.toHaveProperty("line_items");
    expect(fake.sessions.get(created.id)!.allow_promotion_codes).toBe(true);

    const expanded = await stripe.checkout.sessions.retrieve(created.id, { expand: ["line_items"] });
    expect(expanded.line_items?.object).toBe("list");
    expect(expanded.line_items?.data.map((i) => [i.price?.id, i.quantity, i.amount_total])).toEqual([["price_pro_yearly", 2, 58000]]);
    expect(customer.metadata).toEqual({ tenant_id: "t1" });
  });

  it("filters and pages with decoded booleans and integers", async () => {
    const active = await stripe.prices.list({ active: true, lookup_keys: ["pro_monthly", "business_yearly"], limit: 1 });
    expect([active.data.map((p) => p.lookup_key), active.has_more]).toEqual([["pro_monthly"], true]);
    const next = await stripe.prices.list({ active: true, lookup_keys: ["pro_monthly", "business_yearly"], limit: 1, starting_after: active.data[0]!.id });
    expect([next.data.map((p) => p.lookup_key), next.has_more]).toEqual([["business_yearly"], false]);
    expect((await stripe.prices.list({ active: false })).data).toEqual([]);
  });

  it("refuses an unknown parameter, top-level or nested, with Stripe's error, and creates nothing", async () => {
    const before = fake.customers.size;
    const unknown = await rejection(stripe.customers.create({ name: "Acme", nonsense: "1" } as Stripe.CustomerCreateParams));
    expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect([unknown.statusCode, unknown.rawType, unknown.code, unknown.param, unknown.message]).toEqual([
      400,
      "invalid_request_error",
      "parameter_unknown",
      "nonsense",
      "Received unknown parameter: nonsense",
    ]);
    expect(fake.customers.size).toBe(before);

    const customer = await stripe.customers.create({ name: "Acme" });
    const nested = await rejection(
      stripe.checkout.sessions.create({ mode: "subscription", customer: customer.id, line_items: [{ price: "price_pro_monthly", quantity: 1, colour: "red" } as Stripe.Checkout.SessionCreateParams.LineItem] }),
    );
    expect([nested.statusCode, nested.code, nested.param, nested.message]).toEqual([400, "parameter_unknown", "line_items[0][colour]", "Received unknown parameter: line_items[0][colour]"]);
    const listed = await rejection(stripe.subscriptions.list({ customer: customer.id, colour: "red" } as Stripe.SubscriptionListParams));
    expect([listed.statusCode, listed.param]).toEqual([400, "colour"]);
  });

  it("refuses values of the wrong type and missing required parameters", async () => {
    const boolean = await wire("POST", "/v1/checkout/sessions", "mode=subscription&allow_promotion_codes=yes");
    expect([boolean.status, boolean.json.error]).toEqual([400, expect.objectContaining({ type: "invalid_request_error", param: "allow_promotion_codes", message: "Invalid boolean: yes" })]);
    const integer = await wire("GET", "/v1/prices?limit=ten");
    expect([integer.status, integer.json.error]).toEqual([400, expect.objectContaining({ code: "parameter_invalid_integer", param: "limit" })]);
    const portal = await rejection(stripe.billingPortal.sessions.create({ return_url: "http://app.test" } as Stripe.BillingPortal.SessionCreateParams));
    expect([portal.statusCode, portal.code, portal.param]).toEqual([400, "parameter_missing", "customer"]);
    const missing = await rejection(stripe.customers.retrieve("cus_nobody"));
    expect([missing.statusCode, missing.code]).toEqual([404, "resource_missing"]);
  });
});

describe("lists", () => {
  it("have Stripe's shape: object, data, has_more and url", async () => {
    const { customer, subscription } = await subscribedCustomer();
    const { status, json } = await wire("GET", `/v1/subscriptions?customer=${customer.id}&status=all`);
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(["data", "has_more", "object", "url"]);
    expect(json).toMatchObject({ object: "list", has_more: false, url: "/v1/subscriptions", data: [{ id: subscription.id, object: "subscription" }] });
    const item = (json.data as Stripe.Subscription[])[0]!.items;
    expect(Object.keys(item).sort()).toEqual(["data", "has_more", "object", "url"]);
  });
});

describe("objects", () => {
  it("are what the pinned API version sends: an invoice names its subscription under parent, not at the top", async () => {
    const { subscription } = await subscribedCustomer();
    const paid = fake.events.find((e): e is Stripe.InvoicePaidEvent => e.type === "invoice.paid" && e.data.object.customer === subscription.customer)!;
    expect(paid.api_version).toBe(Stripe.API_VERSION);
    expect(paid.data.object).not.toHaveProperty("subscription");
    expect(paid.data.object.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect(subscription).not.toHaveProperty("current_period_end"); // moved to the items
    expect(typeof subscription.items.data[0]!.current_period_end).toBe("number");
  });
});

describe("idempotency keys", () => {
  it("replay the stored response for the same key and parameters", async () => {
    const idempotencyKey = key();
    const first = await stripe.customers.create({ name: "Once", metadata: { n: "1" } }, { idempotencyKey });
    const again = await stripe.customers.create({ metadata: { n: "1" }, name: "Once" }, { idempotencyKey });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect([...fake.customers.values()].filter((c) => c.name === "Once")).toHaveLength(1);
  });

  it("refuse the same key with other parameters, or on another endpoint, as Stripe does", async () => {
    const idempotencyKey = key();
    const first = await stripe.customers.create({ name: "First" }, { idempotencyKey });
    const changed = await rejection(stripe.customers.create({ name: "Second" }, { idempotencyKey }));
    expect(changed).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect([changed.statusCode, changed.rawType]).toEqual([400, "idempotency_error"]);
    expect(changed.message).toContain(`Try using a key other than '${idempotencyKey}'`);
    expect([...fake.customers.values()].filter((c) => c.name === "Second")).toEqual([]);

    const elsewhere = await rejection(stripe.billingPortal.sessions.create({ customer: first.id }, { idempotencyKey }));
    expect([elsewhere.statusCode, elsewhere.rawType]).toEqual([400, "idempotency_error"]);
  });

  it("are not used up by a request refused for its parameters", async () => {
    const idempotencyKey = key();
    await rejection(stripe.customers.create({ name: "Typo", nmae: "x" } as Stripe.CustomerCreateParams, { idempotencyKey }));
    const fixed = await stripe.customers.create({ name: "Fixed" }, { idempotencyKey });
    expect(fixed.name).toBe("Fixed");
  });
});
