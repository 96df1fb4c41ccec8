// A small local fake of the part of Stripe's API this app calls (customers, prices,
// checkout sessions, billing portal sessions, subscriptions), plus bare Checkout and
// Portal pages a browser can click through. Webhooks it sends are signed with the
// Stripe SDK's own generateTestHeaderString. For tests and local demos only: point
// the app at it with STRIPE_API_BASE. Stripe itself is unreachable from our machines.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Obj = Record<string, unknown>;
export type FakeSubscription = {
  id: string;
  object: "subscription";
  customer: string;
  status: string;
  created: number;
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  metadata: Obj;
  items: { object: "list"; data: { id: string; object: "subscription_item"; price: FakePrice; quantity: number; current_period_start: number; current_period_end: number }[] };
};
export type FakePrice = { id: string; object: "price"; lookup_key: string; active: boolean; currency: string; unit_amount: number; recurring: { interval: "month" | "year" } };

const id = (prefix: string) => `${prefix}_${randomBytes(9).toString("base64url")}`;
const now = () => Math.floor(Date.now() / 1000);

/** Stripe's form encoding (a[0][b]=c) into nested objects and arrays. */
export function parseStripeForm(body: string): Obj {
  const out: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, "").split("[");
    let node: Obj | unknown[] = out;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = /^\d+$/.test(path[i + 1] ?? "");
      const key = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) container[key] = value;
      else node = (container[key] ??= nextIsIndex ? [] : {}) as Obj | unknown[];
    });
  }
  return out;
}

const PRICES: FakePrice[] = [
  ["pro_monthly", 2900, "month"],
  ["pro_yearly", 29000, "year"],
  ["business_monthly", 9900, "month"],
  ["business_yearly", 99000, "year"],
].map(([key, amount, interval]) => ({
  id: `price_${key}`,
  object: "price",
  lookup_key: key as string,
  active: true,
  currency: "usd",
  unit_amount: amount as number,
  recurring: { interval: interval as "month" | "year" },
}));

export type FakeStripeOptions = { port?: number; webhookUrl?: string; webhookSecret?: string };

export class FakeStripe {
  readonly customers = new Map<string, Obj>();
  readonly sessions = new Map<string, Obj>();
  readonly portals = new Map<string, Obj>();
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly prices = PRICES;
  /** Every event the fake produced, delivered or not. */
  readonly events: Stripe.Event[] = [];
  readonly requests: { method: string; path: string; idempotencyKey?: string }[] = [];
  private readonly idempotent = new Map<string, { status: number; body: unknown }>();
  private readonly signer = new Stripe("sk_test_fake_signer");
  private server?: Server;
  url = "";

  constructor(private readonly options: FakeStripeOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => this.send(res, 500, { error: { type: "api_error", message: String(error) } }));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, "127.0.0.1", resolve));
    this.url = `http://localhost:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  // ---- state changes, as Stripe would make them, each emitting its events ----

  price(lookupKey: string): FakePrice {
    const price = this.prices.find((p) => p.lookup_key === lookupKey);
    if (!price) throw new Error(`no fake price ${lookupKey}`);
    return price;
  }

  createSubscription(customer: string, price: FakePrice, status = "active"): FakeSubscription {
    const start = now();
    const subscription: FakeSubscription = {
      id: id("sub"),
      object: "subscription",
      customer,
      status,
      created: start + this.subscriptions.size, // strictly increasing, like Stripe's order
      cancel_at_period_end: false,
      cancel_at: null,
      metadata: {},
      items: {
        object: "list",
        data: [{ id: id("si"), object: "subscription_item", price, quantity: 1, current_period_start: start, current_period_end: start + (price.recurring.interval === "year" ? 365 : 30) * 86400 }],
      },
    };
    this.subscriptions.set(subscription.id, subscription);
    this.emit("customer.subscription.created", subscription);
    return subscription;
  }

  updateSubscription(subscriptionId: string, change: Partial<Pick<FakeSubscription, "status" | "cancel_at_period_end">> & { price?: FakePrice }) {
    const subscription = this.subscriptions.get(subscriptionId);
    if (!subscription) throw new Error(`no fake subscription ${subscriptionId}`);
    if (change.status) subscription.status = change.status;
    if (change.cancel_at_period_end !== undefined) {
      subscription.cancel_at_period_end = change.cancel_at_period_end;
      subscription.cancel_at = change.cancel_at_period_end ? subscription.items.data[0]!.current_period_end : null;
    }
    if (change.price) subscription.items.data[0]!.price = change.price;
    const type = subscription.status === "canceled" ? "customer.subscription.deleted" : "customer.subscription.updated";
    this.emit(type, subscription);
    if (change.status === "past_due") this.emit("invoice.payment_failed", { id: id("in"), object: "invoice", customer: subscription.customer, subscription: subscription.id });
    return subscription;
  }

  completeCheckout(sessionId: string): FakeSubscription {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no fake checkout session ${sessionId}`);
    const lineItems = session.line_items as { price: string }[];
    const price = this.prices.find((p) => p.id === lineItems[0]!.price)!;
    const subscription = this.createSubscription(session.customer as string, price);
    Object.assign(subscription.metadata, (session.subscription_data as { metadata?: Obj } | undefined)?.metadata ?? {});
    Object.assign(session, { status: "complete", payment_status: "paid", subscription: subscription.id });
    this.emit("checkout.session.completed", session);
    this.emit("invoice.paid", { id: id("in"), object: "invoice", customer: subscription.customer, subscription: subscription.id });
    return subscription;
  }

  /** An event as Stripe would send it, and the Stripe-Signature header for it. */
  signed(event: Stripe.Event, secret = this.options.webhookSecret ?? "whsec_test", timestamp?: number) {
    const payload = JSON.stringify(event);
    return { payload, signature: this.signer.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
  }

  private pendingDeliveries: Promise<void>[] = [];

  private emit(type: string, object: Obj | FakeSubscription) {
    const event = {
      id: id("evt"),
      object: "event",
      type,
      api_version: "2026-10-28.endive",
      created: now(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object) },
    } as unknown as Stripe.Event;
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

  private send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
    res.end(JSON.stringify(body));
  }

  private html(res: ServerResponse, body: string) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Fake Stripe</title>
<style>body{font-family:system-ui;max-width:28rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.6rem 1rem;margin:.25rem 0;width:100%}</style></head><body>${body}</body></html>`);
  }

  private redirect(res: ServerResponse, location: string) {
    res.writeHead(303, { location });
    res.end();
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const params = req.method === "GET" || req.method === "DELETE" ? parseStripeForm(url.search.slice(1)) : parseStripeForm(body);
    const path = url.pathname;
    const match = (pattern: RegExp) => pattern.exec(path);

    // Browser pages: Checkout and the Customer Portal.
    let m;
    if ((m = match(/^\/checkout\/([^/]+)$/)) && req.method === "GET") {
      const session = this.sessions.get(m[1]!);
      if (!session) return this.send(res, 404, { error: "no session" });
      const price = this.prices.find((p) => p.id === (session.line_items as { price: string }[])[0]!.price)!;
      return this.html(res, `<h1>Fake Checkout</h1><p>Subscribe to <strong>${price.lookup_key}</strong> for ${price.unit_amount / 100} USD per ${price.recurring.interval}.</p>
<form method="post" action="/checkout/${m[1]}/pay"><button>Pay and subscribe</button></form><p><a href="${session.cancel_url as string}">Cancel</a></p>`);
    }
    if ((m = match(/^\/checkout\/([^/]+)\/pay$/)) && req.method === "POST") {
      const session = this.sessions.get(m[1]!)!;
      this.completeCheckout(m[1]!);
      await this.flushWebhooks();
      return this.redirect(res, (session.success_url as string).replace("{CHECKOUT_SESSION_ID}", m[1]!));
    }
    if ((m = match(/^\/portal\/([^/]+)$/)) && req.method === "GET") {
      const portal = this.portals.get(m[1]!);
      if (!portal) return this.send(res, 404, { error: "no portal session" });
      const subscription = [...this.subscriptions.values()].filter((s) => s.customer === portal.customer).sort((a, b) => b.created - a.created)[0];
      return this.html(res, `<h1>Fake Customer Portal</h1><p>Subscription: <strong id="status">${subscription ? `${subscription.items.data[0]!.price.lookup_key}, ${subscription.status}` : "none"}</strong></p>
${subscription && subscription.status !== "canceled" ? `<form method="post" action="/portal/${m[1]}/cancel"><button>Cancel subscription now</button></form>
<form method="post" action="/portal/${m[1]}/switch"><button>Switch to business_monthly</button></form>
<form method="post" action="/portal/${m[1]}/fail"><button>Simulate a failed payment</button></form>` : ""}
<p><a href="${portal.return_url as string}">Return to the app</a></p>`);
    }
    if ((m = match(/^\/portal\/([^/]+)\/(cancel|switch|fail)$/)) && req.method === "POST") {
      const portal = this.portals.get(m[1]!)!;
      const subscription = [...this.subscriptions.values()].filter((s) => s.customer === portal.customer).sort((a, b) => b.created - a.created)[0]!;
      if (m[2] === "cancel") this.updateSubscription(subscription.id, { status: "canceled" });
      if (m[2] === "switch") this.updateSubscription(subscription.id, { price: this.price("business_monthly") });
      if (m[2] === "fail") this.updateSubscription(subscription.id, { status: "past_due" });
      await this.flushWebhooks();
      return this.redirect(res, `/portal/${m[1]}`);
    }

    // The API.
    if (!/^Bearer (sk|rk)_/.test(req.headers.authorization ?? "")) {
      return this.send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
    }
    const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
    this.requests.push({ method: req.method!, path, idempotencyKey });
    if (req.method === "POST" && idempotencyKey) {
      const previous = this.idempotent.get(idempotencyKey);
      if (previous) return this.send(res, previous.status, previous.body);
    }
    const reply = this.api(req.method!, path, params, url);
    if (req.method === "POST" && idempotencyKey) this.idempotent.set(idempotencyKey, reply);
    return this.send(res, reply.status, reply.body);
  }

  private api(method: string, path: string, params: Obj, url: URL): { status: number; body: unknown } {
    const ok = (body: unknown) => ({ status: 200, body });
    const list = (data: unknown[]) => ok({ object: "list", data, has_more: false, url: path });
    const missing = (what: string) => ({ status: 404, body: { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}` } } });
    let m;
    if (method === "POST" && path === "/v1/customers") {
      const customer = { id: id("cus"), object: "customer", created: now(), name: params.name ?? null, metadata: params.metadata ?? {} };
      this.customers.set(customer.id, customer);
      return ok(customer);
    }
    if (method === "GET" && (m = /^\/v1\/customers\/([^/]+)$/.exec(path))) return this.customers.has(m[1]!) ? ok(this.customers.get(m[1]!)) : missing("customer");
    if (method === "GET" && path === "/v1/prices") {
      const keys = (params.lookup_keys as string[] | undefined) ?? [];
      return list(this.prices.filter((p) => keys.length === 0 || keys.includes(p.lookup_key)));
    }
    if (method === "POST" && path === "/v1/checkout/sessions") {
      if (!this.customers.has(params.customer as string)) return missing("customer");
      const sessionId = id("cs_test");
      const session = { id: sessionId, object: "checkout.session", status: "open", payment_status: "unpaid", subscription: null, url: `${this.url}/checkout/${sessionId}`, ...params };
      this.sessions.set(sessionId, session);
      return ok(session);
    }
    if (method === "GET" && (m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path))) return this.sessions.has(m[1]!) ? ok(this.sessions.get(m[1]!)) : missing("checkout session");
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      if (!this.customers.has(params.customer as string)) return missing("customer");
      const portalId = id("bps");
      const portal = { id: portalId, object: "billing_portal.session", customer: params.customer, return_url: params.return_url, url: `${this.url}/portal/${portalId}` };
      this.portals.set(portalId, portal);
      return ok(portal);
    }
    if (method === "GET" && path === "/v1/subscriptions") {
      const status = url.searchParams.get("status");
      return list(
        [...this.subscriptions.values()]
          .filter((s) => s.customer === params.customer && (status === "all" || (status ? s.status === status : s.status !== "canceled")))
          .sort((a, b) => b.created - a.created),
      );
    }
    if ((m = /^\/v1\/subscriptions\/([^/]+)$/.exec(path))) {
      const subscription = this.subscriptions.get(m[1]!);
      if (!subscription) return missing("subscription");
      if (method === "GET") return ok(subscription);
      if (method === "DELETE") return ok(this.updateSubscription(subscription.id, { status: "canceled" }));
      if (method === "POST") return ok(this.updateSubscription(subscription.id, { cancel_at_period_end: params.cancel_at_period_end === "true" }));
    }
    return { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path})` } } };
  }
}
