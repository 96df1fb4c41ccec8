// The API endpoints the fake serves, each with the parameters it accepts, typed by the
// SDK's own *Params type. A parameter not listed is refused as Stripe refuses one it
// does not know; add it here (tsc checks it is real) when the app starts sending it.
import type Stripe from "stripe";
import { invalidParameter, missingParameter, noSuchObject, noUpcomingInvoice, type Reply } from "./errors";
import { list, previewInvoice, subscriptionItem } from "./objects";
import { decodeParams, EXPAND, type FormTree, type ParamsSpec } from "./params";

type Method = "GET" | "POST" | "DELETE";
export type QuantityUpdate = { subscription: string; item: string; quantity: number; proration_behavior?: Stripe.SubscriptionItemUpdateParams.ProrationBehavior };
/** What the endpoints need of the fake's state (FakeStripe implements it). */
export interface FakeStripeState {
  readonly customers: Map<string, Stripe.Customer>;
  readonly sessions: Map<string, Stripe.Checkout.Session>;
  readonly subscriptions: Map<string, Stripe.Subscription>;
  readonly prices: readonly Stripe.Price[];
  lineItemsOf(sessionId: string): Stripe.LineItem[];
  createCustomer(params: Stripe.CustomerCreateParams): Stripe.Customer;
  createCheckoutSession(params: Stripe.Checkout.SessionCreateParams): Reply;
  createPortalSession(params: Stripe.BillingPortal.SessionCreateParams): Reply;
  updateSubscription(
    subscriptionId: string,
    change: { status?: Stripe.Subscription.Status; cancel_at_period_end?: boolean; price?: Stripe.Price },
  ): Stripe.Subscription;
  subscriptionItem(itemId: string): { subscription: Stripe.Subscription; item: Stripe.SubscriptionItem } | undefined;
  updateSubscriptionItem(itemId: string, params: Stripe.SubscriptionItemUpdateParams): Reply;
  setQuantity(subscriptionId: string, quantity: number): Stripe.Subscription;
}

export type Endpoint = { method: Method; path: RegExp; handle: (fake: FakeStripeState, tree: FormTree, id: string) => Reply };

const ok = (body: unknown): Reply => ({ status: 200, body });

function endpoint<P extends { expand?: string[] }>(
  method: Method,
  path: RegExp,
  spec: ParamsSpec<P>,
  handler: (fake: FakeStripeState, params: P, id: string) => Reply,
  options: { required?: (keyof P & string)[]; expandable?: string[] } = {},
): Endpoint {
  return {
    method,
    path,
    handle(fake, tree, id) {
      const decoded = decodeParams(spec, tree, options.required);
      if (decoded.error) return { ...decoded.error, refused: true };
      const bad = (decoded.params.expand ?? []).findIndex((field) => !options.expandable?.includes(field));
      if (bad !== -1) return { ...invalidParameter(`expand[${bad}]`, `This property cannot be expanded (${decoded.params.expand![bad]}).`), refused: true };
      return handler(fake, decoded.params, id);
    },
  };
}

/** One page of a list, newest first, as Stripe pages with limit and starting_after. */
function page<T extends { id: string }>(all: T[], params: Stripe.PaginationParams, url: string): Reply {
  const limit = params.limit ?? 10;
  if (limit < 1 || limit > 100) return invalidParameter("limit", "This value must be greater than or equal to 1 and less than or equal to 100.");
  const start = params.starting_after ? all.findIndex((o) => o.id === params.starting_after) + 1 : 0;
  if (params.starting_after && start === 0) return noSuchObject("object", params.starting_after, "starting_after", 400);
  const data = all.slice(start, start + limit);
  return ok({ ...list(data, url), has_more: start + limit < all.length });
}

const ENDED = ["canceled", "incomplete_expired"];

/**
 * invoices/create_preview for an existing subscription (or the customer's latest live
 * one): its next invoice, with subscription_details.items overriding an item's quantity
 * or price, or adding an item. A simplification: no prorations are invented, so a
 * changed quantity is priced in full for the next period, whatever proration_behavior.
 */
function preview(fake: FakeStripeState, params: Stripe.InvoiceCreatePreviewParams): Reply {
  if (!params.customer && !params.subscription) return missingParameter("customer");
  if (params.customer && !fake.customers.has(params.customer)) return noSuchObject("customer", params.customer, "customer", 400);
  if (params.subscription_details && !params.subscription) {
    // Stripe would preview a new subscription; the app never asks for that.
    return invalidParameter("subscription", "The fake previews only an existing subscription: pass `subscription` with `subscription_details`.");
  }
  let subscription: Stripe.Subscription | undefined;
  if (params.subscription) {
    subscription = fake.subscriptions.get(params.subscription);
    if (!subscription) return noSuchObject("subscription", params.subscription, "subscription", 400);
    if (params.customer && subscription.customer !== params.customer) {
      return invalidParameter("subscription", `The subscription '${subscription.id}' does not belong to the customer '${params.customer}'.`);
    }
  } else {
    subscription = [...fake.subscriptions.values()].filter((s) => s.customer === params.customer && !ENDED.includes(s.status)).sort((a, b) => b.created - a.created)[0];
  }
  // A subscription that ends, now or at the period's end, bills nothing more.
  if (!subscription || ENDED.includes(subscription.status) || subscription.cancel_at_period_end) {
    return noUpcomingInvoice(params.customer ?? (subscription?.customer as string));
  }

  const items = subscription.items.data.map((item) => ({ item, price: item.price, quantity: item.quantity ?? 1 }));
  for (const [i, change] of (params.subscription_details?.items ?? []).entries()) {
    const at = `subscription_details[items][${i}]`;
    const price = change.price === undefined ? undefined : fake.prices.find((p) => p.id === change.price);
    if (change.price !== undefined && !price) return noSuchObject("price", change.price, `${at}[price]`, 400);
    if (change.quantity !== undefined && change.quantity < 0) return invalidParameter(`${at}[quantity]`, "This value must be greater than or equal to 0.");
    if (change.id === undefined) {
      if (!price) return missingParameter(`${at}[price]`);
      const start = subscription.items.data[0]!.current_period_start;
      items.push({ item: subscriptionItem(subscription.id, price, start), price, quantity: change.quantity ?? 1 });
      continue;
    }
    const existing = items.find((e) => e.item.id === change.id);
    if (!existing) return noSuchObject("subscription_item", change.id, `${at}[id]`, 400);
    // Like Stripe, a new price without a quantity is one of it.
    Object.assign(existing, { price: price ?? existing.price, quantity: change.quantity ?? (price ? 1 : existing.quantity) });
  }
  return ok(previewInvoice(subscription, items));
}

const PAGING = { limit: "integer", starting_after: "string", ending_before: "string", expand: EXPAND } as const;
const SUBSCRIPTION_STATUSES = ["active", "all", "canceled", "ended", "incomplete", "incomplete_expired", "past_due", "paused", "trialing", "unpaid"] as const;

export const ENDPOINTS: Endpoint[] = [
  endpoint<Stripe.CustomerCreateParams>(
    "POST",
    /^\/v1\/customers$/,
    { name: "string", email: "string", description: "string", metadata: "metadata", expand: EXPAND },
    (fake, params) => ok(fake.createCustomer(params)),
  ),
  endpoint<Stripe.CustomerRetrieveParams>("GET", /^\/v1\/customers\/([^/]+)$/, { expand: EXPAND }, (fake, _, id) => {
    const customer = fake.customers.get(id);
    return customer ? ok(customer) : noSuchObject("customer", id, "id", 404);
  }),
  endpoint<Stripe.PriceListParams>("GET", /^\/v1\/prices$/, { active: "boolean", lookup_keys: { list: "string" }, ...PAGING }, (fake, params) =>
    page(
      fake.prices.filter((p) => (params.active === undefined || p.active === params.active) && (!params.lookup_keys || params.lookup_keys.includes(p.lookup_key ?? ""))),
      params,
      "/v1/prices",
    ),
  ),
  endpoint<Stripe.Checkout.SessionCreateParams>(
    "POST",
    /^\/v1\/checkout\/sessions$/,
    {
      mode: { enum: ["payment", "setup", "subscription"] },
      customer: "string",
      line_items: { list: { fields: { price: "string", quantity: "integer" } } },
      client_reference_id: "string",
      metadata: "metadata",
      subscription_data: { fields: { metadata: "metadata", trial_end: "integer" } },
      allow_promotion_codes: "boolean",
      success_url: "string",
      cancel_url: "string",
      expand: EXPAND,
    },
    (fake, params) => fake.createCheckoutSession(params),
    { expandable: ["line_items"] },
  ),
  endpoint<Stripe.Checkout.SessionRetrieveParams>(
    "GET",
    /^\/v1\/checkout\/sessions\/([^/]+)$/,
    { expand: EXPAND },
    (fake, params, id) => {
      const session = fake.sessions.get(id);
      if (!session) return noSuchObject("checkout.session", id, "session", 404);
      return ok(params.expand?.includes("line_items") ? { ...session, line_items: list(fake.lineItemsOf(id), `/v1/checkout/sessions/${id}/line_items`) } : session);
    },
    { expandable: ["line_items"] },
  ),
  endpoint<Stripe.BillingPortal.SessionCreateParams>(
    "POST",
    /^\/v1\/billing_portal\/sessions$/,
    { customer: "string", return_url: "string", expand: EXPAND },
    (fake, params) => fake.createPortalSession(params),
    { required: ["customer"] },
  ),
  endpoint<Stripe.SubscriptionListParams>("GET", /^\/v1\/subscriptions$/, { customer: "string", status: { enum: SUBSCRIPTION_STATUSES }, ...PAGING }, (fake, params) => {
    const matches = (s: Stripe.Subscription) =>
      params.status === "all" ||
      (params.status === "ended" ? ["canceled", "incomplete_expired"].includes(s.status) : params.status ? s.status === params.status : s.status !== "canceled");
    const all = [...fake.subscriptions.values()].filter((s) => (!params.customer || s.customer === params.customer) && matches(s)).sort((a, b) => b.created - a.created);
    return page(all, params, "/v1/subscriptions");
  }),
  endpoint<Stripe.SubscriptionRetrieveParams>("GET", /^\/v1\/subscriptions\/([^/]+)$/, { expand: EXPAND }, (fake, _, id) => {
    const subscription = fake.subscriptions.get(id);
    return subscription ? ok(subscription) : noSuchObject("subscription", id, "id", 404);
  }),
  endpoint<Stripe.SubscriptionUpdateParams>("POST", /^\/v1\/subscriptions\/([^/]+)$/, { cancel_at_period_end: "boolean", expand: EXPAND }, (fake, params, id) => {
    if (!fake.subscriptions.has(id)) return noSuchObject("subscription", id, "id", 404);
    return ok(fake.updateSubscription(id, params.cancel_at_period_end === undefined ? {} : { cancel_at_period_end: params.cancel_at_period_end }));
  }),
  endpoint<Stripe.SubscriptionItemRetrieveParams>("GET", /^\/v1\/subscription_items\/([^/]+)$/, { expand: EXPAND }, (fake, _, id) => {
    const found = fake.subscriptionItem(id);
    return found ? ok(found.item) : noSuchObject("subscription_item", id, "id", 404);
  }),
  endpoint<Stripe.SubscriptionItemUpdateParams>(
    "POST",
    /^\/v1\/subscription_items\/([^/]+)$/,
    { quantity: "integer", proration_behavior: { enum: ["always_invoice", "create_prorations", "none"] }, expand: EXPAND },
    (fake, params, id) => fake.updateSubscriptionItem(id, params),
  ),
  endpoint<Stripe.InvoiceCreatePreviewParams>(
    "POST",
    /^\/v1\/invoices\/create_preview$/,
    {
      customer: "string",
      subscription: "string",
      subscription_details: {
        fields: {
          items: { list: { fields: { id: "string", price: "string", quantity: "integer" } } },
          proration_behavior: { enum: ["always_invoice", "create_prorations", "none"] },
        },
      },
      expand: EXPAND,
    },
    preview,
  ),
  endpoint<Stripe.SubscriptionCancelParams>("DELETE", /^\/v1\/subscriptions\/([^/]+)$/, { expand: EXPAND }, (fake, _, id) => {
    if (!fake.subscriptions.has(id)) return noSuchObject("subscription", id, "id", 404);
    return ok(fake.updateSubscription(id, { status: "canceled" }));
  }),
];
