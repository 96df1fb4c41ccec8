// The fake must answer as Stripe does: these tests drive it through the real SDK client,
// pointed at it the way the app is (STRIPE_API_BASE), and read the wire where the SDK
// would hide a difference.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BILLING_INTERVALS, PLANS } from "@/lib/plans/plans";
import { getStripe } from "@/lib/billing/stripe";
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
    const active = await stripe.prices.list({ active: true, lookup_keys: ["pro_monthly", "business_seat_yearly"], limit: 1 });
    expect([active.data.map((p) => p.lookup_key), active.has_more]).toEqual([["pro_monthly"], true]);
    const next = await stripe.prices.list({ active: true, lookup_keys: ["pro_monthly", "business_seat_yearly"], limit: 1, starting_after: active.data[0]!.id });
    expect([next.data.map((p) => p.lookup_key), next.has_more]).toEqual([["business_seat_yearly"], false]);
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

const DAY = 86400;
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function seatsCustomer(quantity: number, subscriptionData: Stripe.Checkout.SessionCreateParams.SubscriptionData = {}) {
  const customer = await stripe.customers.create({ name: "Seats" });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: "price_business_seat_monthly", quantity }],
    subscription_data: { metadata: { tenant_id: "t-seats" }, ...subscriptionData },
  });
  return { customer, session, subscription: fake.completeCheckout(session.id) };
}

const invoicesPaidTo = (customer: string) =>
  fake.events.filter((e): e is Stripe.InvoicePaidEvent => e.type === "invoice.paid" && e.data.object.customer === customer).map((e) => e.data.object);
const updatesOf = (subscription: string) =>
  fake.events.filter((e): e is Stripe.CustomerSubscriptionUpdatedEvent => e.type === "customer.subscription.updated" && e.data.object.id === subscription);

describe("prices", () => {
  it("are the plans' own, so a plan's price cannot drift from the fake", async () => {
    const expected = Object.values(PLANS).flatMap((plan) => BILLING_INTERVALS.flatMap((i) => (plan.prices[i] ? [[plan.prices[i].lookupKey, plan.prices[i].amount, i]] : [])));
    const listed = await stripe.prices.list({ lookup_keys: expected.map(([key]) => key as string), limit: 100 });
    expect(listed.data.map((p) => [p.lookup_key, p.unit_amount, p.recurring?.interval])).toEqual(expected);
    expect(listed.data.map((p) => p.id)).toEqual(expected.map(([key]) => `price_${key}`));
  });
});

describe("seats", () => {
  it("carries Checkout's quantity into the subscription item and every amount", async () => {
    const { customer, session, subscription } = await seatsCustomer(3);
    expect([session.amount_subtotal, session.amount_total]).toEqual([4500, 4500]);
    const retrieved = await stripe.subscriptions.retrieve(subscription.id);
    expect([retrieved.status, retrieved.items.data[0]!.quantity, retrieved.metadata]).toEqual(["active", 3, { tenant_id: "t-seats" }]);
    const [invoice] = invoicesPaidTo(customer.id);
    expect([invoice!.amount_paid, invoice!.total]).toEqual([4500, 4500]);
    expect(invoice!.lines.data.map((l) => [l.quantity, l.amount, l.parent?.subscription_item_details?.subscription_item])).toEqual([[3, 4500, retrieved.items.data[0]!.id]]);
  });

  it("updates an item's quantity, emitting customer.subscription.updated and recording the proration asked for", async () => {
    const { subscription } = await seatsCustomer(3);
    const itemId = subscription.items.data[0]!.id;
    const idempotencyKey = key();
    const updated = await stripe.subscriptionItems.update(itemId, { quantity: 5, proration_behavior: "always_invoice" }, { idempotencyKey });
    expect([updated.id, updated.quantity]).toEqual([itemId, 5]);
    expect((await stripe.subscriptionItems.retrieve(itemId)).quantity).toBe(5);
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]!.quantity).toBe(5);
    expect(updatesOf(subscription.id).map((e) => e.data.object.items.data[0]!.quantity)).toEqual([5]);
    expect(fake.quantityUpdates.filter((u) => u.subscription === subscription.id)).toEqual([
      { subscription: subscription.id, item: itemId, quantity: 5, proration_behavior: "always_invoice" },
    ]);

    // A retry with the key replays the first answer and changes nothing again.
    await stripe.subscriptionItems.update(itemId, { quantity: 6 }); // meanwhile, another change
    const replay = await stripe.subscriptionItems.update(itemId, { quantity: 5, proration_behavior: "always_invoice" }, { idempotencyKey });
    expect([replay.quantity, replay.lastResponse.headers["idempotent-replayed"]]).toEqual([5, "true"]);
    expect(fake.subscriptions.get(subscription.id)!.items.data[0]!.quantity).toBe(6);
    expect(fake.quantityUpdates.filter((u) => u.subscription === subscription.id).map((u) => u.quantity)).toEqual([5, 6]);
  });

  it("answers 404 for an unknown item, and refuses unknown parameters and negative quantities", async () => {
    for (const call of [stripe.subscriptionItems.retrieve("si_nobody"), stripe.subscriptionItems.update("si_nobody", { quantity: 2 })]) {
      const missing = await rejection(call);
      expect([missing.statusCode, missing.code, missing.message]).toEqual([404, "resource_missing", "No such subscription_item: 'si_nobody'"]);
    }
    const { subscription } = await seatsCustomer(2);
    const itemId = subscription.items.data[0]!.id;
    const unknown = await rejection(stripe.subscriptionItems.update(itemId, { quantity: 4, colour: "red" } as Stripe.SubscriptionItemUpdateParams));
    expect([unknown.statusCode, unknown.code, unknown.param]).toEqual([400, "parameter_unknown", "colour"]);
    const badProration = await rejection(stripe.subscriptionItems.update(itemId, { quantity: 4, proration_behavior: "sometimes" as "none" }));
    expect([badProration.statusCode, badProration.param]).toEqual([400, "proration_behavior"]);
    const negative = await rejection(stripe.subscriptionItems.update(itemId, { quantity: -1 }));
    expect([negative.statusCode, negative.param]).toEqual([400, "quantity"]);
    expect(fake.subscriptions.get(subscription.id)!.items.data[0]!.quantity).toBe(2);
    expect(updatesOf(subscription.id)).toEqual([]);
  });

  it("changes seats as the dashboard or portal would, with setQuantity and the portal's form", async () => {
    const { customer, subscription } = await seatsCustomer(3);
    fake.setQuantity(subscription.id, 7);
    expect(updatesOf(subscription.id).map((e) => e.data.object.items.data[0]!.quantity)).toEqual([7]);
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]!.quantity).toBe(7);
    expect(fake.quantityUpdates.filter((u) => u.subscription === subscription.id)).toEqual([]);

    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: "http://app.test/billing" });
    const posted = await fetch(`${fake.url}/portal/${portal.id}/seats`, {
      method: "POST",
      body: "quantity=4",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(posted.status).toBe(303);
    expect(updatesOf(subscription.id).map((e) => e.data.object.items.data[0]!.quantity)).toEqual([7, 4]);
    expect(await (await fetch(portal.url)).text()).toContain('<strong id="quantity">4</strong>');
  });

  it("shows the seats and the trial on the Checkout page", async () => {
    const customer = await stripe.customers.create({ name: "Page" });
    const trialEnd = nowSeconds() + 14 * DAY;
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: "price_business_seat_monthly", quantity: 3 }],
      subscription_data: { trial_end: trialEnd },
    });
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain("3 seats × 15 USD = 45 USD per month");
    expect(html).toContain(`Free trial until ${new Date(trialEnd * 1000).toISOString().slice(0, 10)}`);
  });
});

describe("trials", () => {
  it("carry subscription_data.trial_end from Checkout: trialing until then, and a paid $0 first invoice", async () => {
    const trialEnd = nowSeconds() + 14 * DAY;
    const { customer, session, subscription } = await seatsCustomer(2, { trial_end: trialEnd });
    expect(session.amount_total).toBe(0);
    const retrieved = await stripe.subscriptions.retrieve(subscription.id);
    expect([retrieved.status, retrieved.trial_end, retrieved.items.data[0]!.current_period_end, retrieved.items.data[0]!.quantity]).toEqual(["trialing", trialEnd, trialEnd, 2]);
    expect(retrieved.trial_start).toBe(retrieved.created);
    const [invoice] = invoicesPaidTo(customer.id);
    expect([invoice!.status, invoice!.amount_paid, invoice!.total]).toEqual(["paid", 0, 0]);
    expect(fake.sessions.get(session.id)!.payment_status).toBe("no_payment_required");
  });

  it("refuse a trial_end less than 48 hours away, as Stripe does, and create no session", async () => {
    const customer = await stripe.customers.create({ name: "Short trial" });
    const params = (trial_end: number): Stripe.Checkout.SessionCreateParams => ({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: "price_pro_monthly", quantity: 1 }],
      subscription_data: { trial_end },
    });
    const before = fake.sessions.size;
    const short = await rejection(stripe.checkout.sessions.create(params(nowSeconds() + 47 * 3600)));
    expect(short).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect([short.statusCode, short.rawType, short.param, short.message]).toEqual([
      400,
      "invalid_request_error",
      "subscription_data[trial_end]",
      "The `trial_end` date has to be at least 2 days in the future.",
    ]);
    expect(fake.sessions.size).toBe(before);
    await stripe.checkout.sessions.create(params(nowSeconds() + 49 * 3600));
    expect(fake.sessions.size).toBe(before + 1);
  });
});

describe("invoice previews", () => {
  it("price the next period: every item's unit amount times its quantity, due when the current period ends", async () => {
    const { customer, subscription } = await seatsCustomer(3);
    const item = subscription.items.data[0]!;
    const preview = await stripe.invoices.createPreview({ customer: customer.id, subscription: subscription.id });
    expect([preview.object, preview.status, preview.amount_due, preview.total, preview.next_payment_attempt]).toEqual(["invoice", "draft", 4500, 4500, item.current_period_end]);
    expect(preview.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect(preview.lines.data.map((l) => [l.object, l.quantity, l.amount, l.period.start, l.period.end > item.current_period_end])).toEqual([
      ["line_item", 3, 4500, item.current_period_end, true],
    ]);
    // With only the customer, its live subscription's.
    expect((await stripe.invoices.createPreview({ customer: customer.id })).amount_due).toBe(4500);
  });

  it("price the quantities of subscription_details.items instead, without changing the subscription", async () => {
    const { customer, subscription } = await seatsCustomer(3);
    const item = subscription.items.data[0]!;
    const preview = await stripe.invoices.createPreview({
      customer: customer.id,
      subscription: subscription.id,
      subscription_details: { items: [{ id: item.id, quantity: 4 }], proration_behavior: "create_prorations" },
    });
    expect([preview.amount_due, preview.lines.data.map((l) => l.quantity)]).toEqual([6000, [4]]);
    expect(fake.subscriptions.get(subscription.id)!.items.data[0]!.quantity).toBe(3);
    const unknown = await rejection(stripe.invoices.createPreview({ subscription: subscription.id, subscription_details: { items: [{ id: "si_nobody", quantity: 4 }] } }));
    expect([unknown.statusCode, unknown.code, unknown.param]).toEqual([400, "resource_missing", "subscription_details[items][0][id]"]);
  });

  it("of a trialing subscription are the invoice at the trial's end, for the full amount", async () => {
    const trialEnd = nowSeconds() + 14 * DAY;
    const { subscription } = await seatsCustomer(2, { trial_end: trialEnd });
    const preview = await stripe.invoices.createPreview({ subscription: subscription.id });
    expect([preview.amount_due, preview.next_payment_attempt, preview.lines.data[0]!.period.start]).toEqual([3000, trialEnd, trialEnd]);
  });

  it("answer invoice_upcoming_none when nothing more will be billed, and refuse another customer's subscription", async () => {
    const nobody = await stripe.customers.create({ name: "No subscription" });
    const none = await rejection(stripe.invoices.createPreview({ customer: nobody.id }));
    expect(none).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect([none.statusCode, none.code, none.message]).toEqual([404, "invoice_upcoming_none", `No upcoming invoices for customer: ${nobody.id}`]);

    const { customer, subscription } = await seatsCustomer(1);
    fake.updateSubscription(subscription.id, { status: "canceled" });
    const canceled = await rejection(stripe.invoices.createPreview({ customer: customer.id, subscription: subscription.id }));
    expect([canceled.statusCode, canceled.code]).toEqual([404, "invoice_upcoming_none"]);

    const other = await seatsCustomer(1);
    const mismatch = await rejection(stripe.invoices.createPreview({ customer: nobody.id, subscription: other.subscription.id }));
    expect([mismatch.statusCode, mismatch.rawType, mismatch.param]).toEqual([400, "invalid_request_error", "subscription"]);
    const unknown = await rejection(stripe.invoices.createPreview({ subscription: other.subscription.id, colour: "red" } as Stripe.InvoiceCreatePreviewParams));
    expect([unknown.statusCode, unknown.code]).toEqual([400, "parameter_unknown"]);
  });
});
