// A small local fake of the part of Stripe's API this app calls (customers, prices,
// checkout sessions, billing portal sessions, subscriptions and their items, invoice
// previews), plus bare Checkout and
// Portal pages a browser can click through. Webhooks it sends are signed with the
// Stripe SDK's own generateTestHeaderString. For tests and local demos only: point
// the app at it with STRIPE_API_BASE. Stripe itself is unreachable from our machines.
//
// It must not drift from Stripe: its objects are typed with the SDK's types
// (objects.ts), its parameters decoded and checked per endpoint (endpoints.ts), and
// idempotency keys behave as Stripe's do.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { BILLING_INTERVALS, PLAN_IDS, PLANS } from "@/lib/plans/plans";
import { ENDPOINTS, type FakeStripeState, type QuantityUpdate } from "./endpoints";
import { idempotencyMismatch, idempotencyOtherEndpoint, invalidApiKey, invalidParameter, noSuchObject, stripeError, unrecognizedUrl, type Reply } from "./errors";
import * as make from "./objects";
import { checkoutPage, portalPage } from "./pages";
import { parseFormOrError, type FormTree } from "./params";

/** The plans' own prices, so the fake cannot drift from what the app charges. */
const PRICES: Stripe.Price[] = PLAN_IDS.flatMap((id) =>
  BILLING_INTERVALS.flatMap((interval) => {
    const p = PLANS[id].prices[interval];
    return p ? [make.price(p.lookupKey, p.amount, interval, p.currency)] : [];
  }),
);
/** Stripe's floor for a Checkout trial. */
const MIN_TRIAL_SECONDS = 48 * 3600;

export type FakeStripeOptions = { port?: number; webhookUrl?: string; webhookSecret?: string };
type Stored = { endpoint: string; params: string; reply: Reply };

/** A parsed form in one canonical string, so "the same parameters" ignores their order. */
function canonical(tree: FormTree): string {
  const sort = (node: string | FormTree): unknown =>
    typeof node === "string" ? node : Object.fromEntries(Object.keys(node).sort().map((k) => [k, sort(node[k]!)]));
  return JSON.stringify(sort(tree));
}

export class FakeStripe implements FakeStripeState {
  readonly customers = new Map<string, Stripe.Customer>();
  readonly sessions = new Map<string, Stripe.Checkout.Session>();
  readonly portals = new Map<string, Stripe.BillingPortal.Session>();
  readonly subscriptions = new Map<string, Stripe.Subscription>();
  readonly prices = PRICES;
  /** Every event the fake produced, delivered or not. */
  readonly events: Stripe.Event[] = [];
  readonly requests: { method: string; path: string; idempotencyKey?: string }[] = [];
  /** Every quantity change asked for through the API (not those made with setQuantity), with its proration. */
  readonly quantityUpdates: QuantityUpdate[] = [];
  private readonly lineItems = new Map<string, Stripe.LineItem[]>();
  private readonly subscriptionData = new Map<string, { metadata: Stripe.Metadata; trialEnd?: number }>();
  private readonly idempotent = new Map<string, Stored>();
  private failures = 0;
  private readonly signer = new Stripe("sk_test_fake_signer");
  private server?: Server;
  url = "";

  constructor(private readonly options: FakeStripeOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => this.send(res, stripeError(500, { type: "api_error", message: String(error) })));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, "127.0.0.1", resolve));
    this.url = `http://localhost:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next `count` API requests answer 500, as in a Stripe incident (the SDK retries each request twice). */
  failNext(count: number) {
    this.failures = count;
  }

  // ---- state changes, as Stripe would make them, each emitting its events ----

  price(lookupKey: string): Stripe.Price {
    const price = this.prices.find((p) => p.lookup_key === lookupKey);
    if (!price) throw new Error(`no fake price ${lookupKey}`);
    return price;
  }

  /** The line items a checkout session was created with (Stripe returns them only when expanded). */
  lineItemsOf(sessionId: string): Stripe.LineItem[] {
    return this.lineItems.get(sessionId) ?? [];
  }

  createCustomer(params: Stripe.CustomerCreateParams): Stripe.Customer {
    const customer = make.customer(params);
    this.customers.set(customer.id, customer);
    return customer;
  }

  createCheckoutSession(params: Stripe.Checkout.SessionCreateParams): Reply {
    if (params.customer && !this.customers.has(params.customer)) return noSuchObject("customer", params.customer, "customer", 400);
    const items: Stripe.LineItem[] = [];
    for (const [i, item] of (params.line_items ?? []).entries()) {
      const price = this.prices.find((p) => p.id === item.price);
      if (!price) return noSuchObject("price", item.price ?? "", `line_items[${i}][price]`, 400);
      items.push(make.lineItem(price, item.quantity ?? 1));
    }
    if (params.mode === "subscription" && !items.some((i) => i.price?.recurring)) {
      return invalidParameter("line_items", "You must provide at least one recurring price in `subscription` mode when using prices.");
    }
    const trialEnd = params.subscription_data?.trial_end;
    if (trialEnd !== undefined && trialEnd < make.now() + MIN_TRIAL_SECONDS) {
      return invalidParameter("subscription_data[trial_end]", "The `trial_end` date has to be at least 2 days in the future.");
    }
    const session = make.checkoutSession(params, (id) => `${this.url}/checkout/${id}`);
    // What is due today: nothing during a trial.
    const due = trialEnd === undefined ? items.reduce((sum, i) => sum + i.amount_total, 0) : 0;
    Object.assign(session, { amount_subtotal: due, amount_total: due });
    this.sessions.set(session.id, session);
    this.lineItems.set(session.id, items);
    const metadata = Object.fromEntries(Object.entries(params.subscription_data?.metadata ?? {}).map(([k, v]) => [k, String(v)]));
    this.subscriptionData.set(session.id, { metadata, trialEnd });
    return { status: 200, body: session };
  }

  createPortalSession(params: Stripe.BillingPortal.SessionCreateParams): Reply {
    if (!params.customer || !this.customers.has(params.customer)) return noSuchObject("customer", params.customer ?? "", "customer", 400);
    const portal = make.portalSession(params, (id) => `${this.url}/portal/${id}`);
    this.portals.set(portal.id, portal);
    return { status: 200, body: portal };
  }

  createSubscription(
    customer: string,
    price: Stripe.Price,
    status: Stripe.Subscription.Status = "active",
    metadata: Stripe.Metadata = {},
    options: make.SubscriptionOptions = {},
  ): Stripe.Subscription {
    // Strictly increasing creation times, like Stripe's order.
    const subscription = make.subscription(customer, price, status, make.now() + this.subscriptions.size, metadata, options);
    this.subscriptions.set(subscription.id, subscription);
    this.emit(make.event("customer.subscription.created", subscription));
    return subscription;
  }

  updateSubscription(subscriptionId: string, change: { status?: Stripe.Subscription.Status; cancel_at_period_end?: boolean; price?: Stripe.Price }) {
    const subscription = this.subscriptions.get(subscriptionId);
    if (!subscription) throw new Error(`no fake subscription ${subscriptionId}`);
    const item = subscription.items.data[0]!;
    if (change.status) {
      subscription.status = change.status;
      if (change.status === "canceled") Object.assign(subscription, { canceled_at: make.now(), ended_at: make.now() });
    }
    if (change.cancel_at_period_end !== undefined) {
      subscription.cancel_at_period_end = change.cancel_at_period_end;
      subscription.cancel_at = change.cancel_at_period_end ? item.current_period_end : null;
    }
    // A new price on the same item, as the portal switches plans: Stripe keeps its id and quantity.
    if (change.price) subscription.items.data[0] = { ...make.subscriptionItem(subscription.id, change.price, item.current_period_start, item.quantity ?? 1), id: item.id };
    const type = subscription.status === "canceled" ? "customer.subscription.deleted" : "customer.subscription.updated";
    this.emit(make.event(type, subscription));
    if (change.status === "past_due") this.invoice(subscription, "open");
    return subscription;
  }

  /** A subscription item and the subscription it belongs to. */
  subscriptionItem(itemId: string): { subscription: Stripe.Subscription; item: Stripe.SubscriptionItem } | undefined {
    for (const subscription of this.subscriptions.values()) {
      const item = subscription.items.data.find((i) => i.id === itemId);
      if (item) return { subscription, item };
    }
    return undefined;
  }

  updateSubscriptionItem(itemId: string, params: Stripe.SubscriptionItemUpdateParams): Reply {
    const found = this.subscriptionItem(itemId);
    if (!found) return noSuchObject("subscription_item", itemId, "id", 404);
    if (found.subscription.status === "canceled") {
      return invalidParameter("id", "A canceled subscription can only update its cancellation_details and metadata.");
    }
    if (params.quantity !== undefined) {
      if (params.quantity < 0) return invalidParameter("quantity", "This value must be greater than or equal to 0.");
      this.quantityUpdates.push({ subscription: found.subscription.id, item: itemId, quantity: params.quantity, proration_behavior: params.proration_behavior });
      this.changeQuantity(found.subscription, found.item, params.quantity);
    }
    return { status: 200, body: found.item };
  }

  /** A change of seats made in Stripe's dashboard or the portal, not through the API. */
  setQuantity(subscriptionId: string, quantity: number): Stripe.Subscription {
    const subscription = this.subscriptions.get(subscriptionId);
    if (!subscription) throw new Error(`no fake subscription ${subscriptionId}`);
    this.changeQuantity(subscription, subscription.items.data[0]!, quantity);
    return subscription;
  }

  private changeQuantity(subscription: Stripe.Subscription, item: Stripe.SubscriptionItem, quantity: number) {
    item.quantity = quantity;
    this.emit(make.event("customer.subscription.updated", subscription));
  }

  completeCheckout(sessionId: string): Stripe.Subscription {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no fake checkout session ${sessionId}`);
    const line = this.lineItemsOf(sessionId)[0]!;
    const { metadata, trialEnd } = this.subscriptionData.get(sessionId) ?? { metadata: {} };
    const status = trialEnd === undefined ? "active" : "trialing";
    const subscription = this.createSubscription(session.customer as string, line.price!, status, metadata, { quantity: line.quantity ?? 1, trialEnd });
    Object.assign(session, { status: "complete", payment_status: trialEnd === undefined ? "paid" : "no_payment_required", subscription: subscription.id });
    this.emit(make.event("checkout.session.completed", session));
    this.invoice(subscription, "paid");
    return subscription;
  }

  private invoice(subscription: Stripe.Subscription, status: "paid" | "open") {
    const invoice = make.invoice(subscription, status);
    subscription.latest_invoice = invoice.id;
    this.emit(status === "paid" ? make.event("invoice.paid", invoice) : make.event("invoice.payment_failed", invoice));
  }

  /** An event as Stripe would send it, and the Stripe-Signature header for it. */
  signed(event: Stripe.Event, secret?: string, timestamp?: number) {
    const payload = JSON.stringify(event);
    return { payload, signature: this.signature(payload, secret, timestamp) };
  }

  /** The Stripe-Signature header for any body, as Stripe would sign it. */
  signature(payload: string, secret = this.options.webhookSecret ?? "whsec_test", timestamp?: number) {
    return this.signer.webhooks.generateTestHeaderString({ payload, secret, timestamp });
  }

  private pendingDeliveries: Promise<void>[] = [];

  private emit(event: Stripe.Event) {
    this.events.push(event);
    if (this.options.webhookUrl) this.pendingDeliveries.push(this.deliver(event));
  }

  private async deliver(event: Stripe.Event) {
    const { payload, signature } = this.signed(event);
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(this.options.webhookUrl!, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload }).catch(() => null);
      if (response?.ok) return;
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }

  /** Waits until every webhook sent so far has been delivered (or given up on). */
  async flushWebhooks() {
    const pending = this.pendingDeliveries;
    this.pendingDeliveries = [];
    await Promise.all(pending);
  }

  // ---- HTTP ----

  private send(res: ServerResponse, reply: Reply) {
    res.writeHead(reply.status, { "content-type": "application/json", "request-id": make.stripeId("req"), ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  private html(res: ServerResponse, body: string) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(body);
  }

  private redirect(res: ServerResponse, location: string) {
    res.writeHead(303, { location });
    res.end();
  }

  private latestSubscriptionOf(customer: string) {
    return [...this.subscriptions.values()].filter((s) => s.customer === customer).sort((a, b) => b.created - a.created)[0];
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const path = url.pathname;
    let m;

    // Browser pages: Checkout and the Customer Portal.
    if ((m = /^\/checkout\/([^/]+)$/.exec(path)) && req.method === "GET") {
      const session = this.sessions.get(m[1]!);
      const price = session && this.lineItemsOf(session.id)[0]?.price;
      if (!session || !price) return this.send(res, noSuchObject("checkout.session", m[1]!, "session", 404));
      return this.html(res, checkoutPage(session, this.lineItemsOf(session.id)[0]!, this.subscriptionData.get(session.id)?.trialEnd));
    }
    if ((m = /^\/checkout\/([^/]+)\/pay$/.exec(path)) && req.method === "POST") {
      const session = this.sessions.get(m[1]!);
      if (!session || !this.lineItemsOf(session.id)[0]?.price) return this.send(res, noSuchObject("checkout.session", m[1]!, "session", 404));
      this.completeCheckout(session.id);
      await this.flushWebhooks();
      return this.redirect(res, session.success_url!.replace("{CHECKOUT_SESSION_ID}", session.id));
    }
    if ((m = /^\/portal\/([^/]+)$/.exec(path)) && req.method === "GET") {
      const portal = this.portals.get(m[1]!);
      if (!portal) return this.send(res, noSuchObject("billing_portal.session", m[1]!, "session", 404));
      return this.html(res, portalPage(portal, this.latestSubscriptionOf(portal.customer)));
    }
    if ((m = /^\/portal\/([^/]+)\/(cancel|switch|fail)$/.exec(path)) && req.method === "POST") {
      const portal = this.portals.get(m[1]!);
      const subscription = portal && this.latestSubscriptionOf(portal.customer);
      if (!subscription) return this.send(res, noSuchObject("subscription", m[1]!, "session", 404));
      if (m[2] === "cancel") this.updateSubscription(subscription.id, { status: "canceled" });
      if (m[2] === "switch") this.updateSubscription(subscription.id, { price: this.price("business_seat_monthly") });
      if (m[2] === "fail") this.updateSubscription(subscription.id, { status: "past_due" });
      await this.flushWebhooks();
      return this.redirect(res, `/portal/${m[1]}`);
    }
    if ((m = /^\/portal\/([^/]+)\/seats$/.exec(path)) && req.method === "POST") {
      const portal = this.portals.get(m[1]!);
      const subscription = portal && this.latestSubscriptionOf(portal.customer);
      if (!subscription) return this.send(res, noSuchObject("subscription", m[1]!, "session", 404));
      const quantity = Number(new URLSearchParams(body).get("quantity"));
      if (!Number.isInteger(quantity) || quantity < 1) return this.send(res, invalidParameter("quantity", "Enter a whole number of seats, at least 1."));
      this.setQuantity(subscription.id, quantity);
      await this.flushWebhooks();
      return this.redirect(res, `/portal/${m[1]}`);
    }

    // The API.
    if (!/^Bearer (sk|rk)_/.test(req.headers.authorization ?? "")) return this.send(res, invalidApiKey());
    const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
    this.requests.push({ method: req.method!, path, idempotencyKey });
    if (this.failures > 0) {
      this.failures--;
      return this.send(res, stripeError(500, { type: "api_error", message: "An unknown error occurred." }));
    }
    return this.send(res, this.api(req.method!, path, req.method === "POST" ? body : url.search.slice(1), idempotencyKey));
  }

  private api(method: string, path: string, encoded: string, idempotencyKey: string | undefined): Reply {
    const parsed = parseFormOrError(encoded);
    if (parsed.error) return parsed.error;
    const found = ENDPOINTS.map((endpoint) => ({ endpoint, match: endpoint.method === method ? endpoint.path.exec(path) : null })).find((e) => e.match);
    if (!found) return unrecognizedUrl(method, path);

    // Stripe keys only POSTs; GET and DELETE are idempotent by nature and ignore the header.
    const keyed = method === "POST" && idempotencyKey ? idempotencyKey : null;
    const name = `${method} ${path}`;
    const params = canonical(parsed.tree);
    const stored = keyed ? this.idempotent.get(keyed) : undefined;
    if (keyed && stored) {
      if (stored.endpoint !== name) return idempotencyOtherEndpoint(keyed, stored.endpoint, name);
      if (stored.params !== params) return idempotencyMismatch(keyed);
      return { ...stored.reply, headers: { ...stored.reply.headers, "idempotent-replayed": "true" } };
    }
    const reply = found.endpoint.handle(this, parsed.tree, found.match![1] ?? "");
    // Like Stripe, a request refused before the endpoint ran (bad parameters) saves nothing.
    // A replay answers what the first request did, not the object as it is now.
    const snapshot = { ...reply, body: JSON.parse(JSON.stringify(reply.body)) as unknown };
    if (keyed && !reply.refused) this.idempotent.set(keyed, { endpoint: name, params, reply: snapshot });
    return reply;
  }
}
