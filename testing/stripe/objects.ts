// The objects the fake hands out, each checked with `satisfies` against the Stripe
// SDK's own type for the API version the SDK pins: a field Stripe dropped, renamed or
// made required fails tsc here instead of drifting silently.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

export const stripeId = (prefix: string) => `${prefix}_${randomBytes(9).toString("base64url").replace(/[-_]/g, "x")}`;
export const now = () => Math.floor(Date.now() / 1000);

export function list<T>(data: T[], url: string): Stripe.ApiList<T> {
  return { object: "list", data, has_more: false, url } satisfies Stripe.ApiList<T>;
}

export function price(lookupKey: string, amount: number, interval: "month" | "year", currency = "usd"): Stripe.Price {
  return {
    id: `price_${lookupKey}`,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: now(),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: lookupKey,
    metadata: {},
    nickname: null,
    product: `prod_${lookupKey.split("_")[0]}`,
    recurring: { interval, interval_count: 1, meter: null, trial_period_days: null, usage_type: "licensed" },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: amount,
    unit_amount_decimal: Stripe.Decimal.from(amount), // serialises as the string Stripe sends
  } satisfies Stripe.Price;
}

/** The legacy plan object Stripe still nests in subscription items. */
function planOf(p: Stripe.Price): Stripe.Plan {
  return {
    id: p.id,
    object: "plan",
    active: p.active,
    amount: p.unit_amount,
    amount_decimal: p.unit_amount_decimal,
    billing_scheme: p.billing_scheme,
    created: p.created,
    currency: p.currency,
    interval: p.recurring!.interval,
    interval_count: p.recurring!.interval_count,
    livemode: false,
    metadata: {},
    meter: null,
    nickname: null,
    product: p.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  } satisfies Stripe.Plan;
}

export function customer(params: Stripe.CustomerCreateParams): Stripe.Customer {
  return {
    id: stripeId("cus"),
    object: "customer",
    balance: 0,
    created: now(),
    default_source: null,
    description: params.description || null,
    email: params.email || null,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: metadataOf(params.metadata),
    name: params.name || null,
    shipping: null,
  } satisfies Stripe.Customer;
}

function metadataOf(metadata: Stripe.Emptyable<Stripe.MetadataParam> | undefined): Stripe.Metadata {
  return Object.fromEntries(Object.entries(metadata || {}).map(([k, v]) => [k, String(v)]));
}

export function checkoutSession(params: Stripe.Checkout.SessionCreateParams, pageUrl: (id: string) => string): Stripe.Checkout.Session {
  const id = stripeId("cs_test");
  return {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: params.allow_promotion_codes ?? null,
    allowed_payment_method_types: null,
    amount_subtotal: null,
    amount_total: null,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: params.cancel_url ?? null,
    client_reference_id: params.client_reference_id ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now(),
    currency: "usd",
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: params.customer ?? null,
    customer_account: null,
    customer_creation: null,
    customer_details: null,
    customer_email: null,
    discounts: null,
    expires_at: now() + 24 * 3600,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: metadataOf(params.metadata),
    mode: params.mode ?? "payment",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "always",
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: params.success_url ?? null,
    total_details: null,
    ui_mode: "hosted",
    url: pageUrl(id),
    wallet_options: null,
  } satisfies Stripe.Checkout.Session;
}

export function lineItem(p: Stripe.Price, quantity: number): Stripe.LineItem {
  const amount = (p.unit_amount ?? 0) * quantity;
  return {
    id: stripeId("li"),
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: p.currency,
    description: p.lookup_key,
    metadata: {},
    price: p,
    quantity,
  } satisfies Stripe.LineItem;
}

export function portalSession(params: Stripe.BillingPortal.SessionCreateParams, pageUrl: (id: string) => string): Stripe.BillingPortal.Session {
  const id = stripeId("bps");
  return {
    id,
    object: "billing_portal.session",
    configuration: "bpc_fake_default",
    created: now(),
    customer: params.customer!,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: params.return_url ?? null,
    url: pageUrl(id),
  } satisfies Stripe.BillingPortal.Session;
}

/** When a period of the price that starts at `start` ends (the fake's months are 30 days). */
export const periodEnd = (start: number, p: Stripe.Price) => start + (p.recurring?.interval === "year" ? 365 : 30) * 86400;

export function subscriptionItem(subscription: string, p: Stripe.Price, start: number, quantity = 1, end = periodEnd(start, p)): Stripe.SubscriptionItem {
  return {
    id: stripeId("si"),
    object: "subscription_item",
    billing_thresholds: null,
    created: start,
    current_period_end: end,
    current_period_start: start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planOf(p),
    price: p,
    quantity,
    subscription,
    tax_rates: [],
  } satisfies Stripe.SubscriptionItem;
}

/** A trial runs from creation to `trialEnd`, which is also the end of the items' first period. */
export type SubscriptionOptions = { quantity?: number; trialEnd?: number };

export function subscription(
  customerId: string,
  p: Stripe.Price,
  status: Stripe.Subscription.Status,
  created: number,
  metadata: Stripe.Metadata,
  { quantity = 1, trialEnd }: SubscriptionOptions = {},
): Stripe.Subscription {
  const id = stripeId("sub");
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: created,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: null,
    collection_method: "charge_automatically",
    created,
    currency: p.currency,
    customer: customerId,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: "self" } },
    items: list([subscriptionItem(id, p, created, quantity, trialEnd)], `/v1/subscription_items?subscription=${id}`),
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: null,
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: created,
    status,
    test_clock: null,
    transfer_data: null,
    trial_end: trialEnd ?? null,
    trial_settings: trialEnd ? { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } } : null,
    trial_start: trialEnd ? created : null,
  } satisfies Stripe.Subscription;
}

/** One line of an invoice: an item's price times its quantity over a service period. */
export type Charge = { item: Stripe.SubscriptionItem; price: Stripe.Price; quantity: number; amount: number; period: Stripe.InvoiceLineItem.Period };

export function invoiceLine(invoiceId: string, sub: Stripe.Subscription, { item, price: p, quantity, amount, period }: Charge): Stripe.InvoiceLineItem {
  return {
    id: stripeId("il"),
    object: "line_item",
    amount,
    currency: p.currency,
    description: `${quantity} × ${p.lookup_key ?? p.id}`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription: sub.id, subscription_item: item.id },
    },
    period,
    pretax_credit_amounts: [],
    pricing: { type: "price_details", price_details: { price: p.id, product: p.product as string }, unit_amount_decimal: p.unit_amount_decimal },
    quantity,
    quantity_decimal: Stripe.Decimal.from(quantity),
    subscription: sub.id,
    subtotal: amount,
    taxes: [],
  } satisfies Stripe.InvoiceLineItem;
}

type InvoiceState = {
  id: string;
  status: "paid" | "open" | "draft";
  billing_reason: Stripe.Invoice.BillingReason;
  created: number;
  period_start: number;
  period_end: number;
  next_payment_attempt: number | null;
  charges: Charge[];
};

/** An invoice of a subscription: since the basil API versions it names it under parent.subscription_details. */
function subscriptionInvoice(sub: Stripe.Subscription, state: InvoiceState): Stripe.Invoice {
  const { id, status, created } = state;
  const amount = state.charges.reduce((sum, c) => sum + c.amount, 0);
  const paid = status === "paid";
  const draft = status === "draft";
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Fake Stripe",
    account_tax_ids: null,
    amount_due: amount,
    amount_overpaid: 0,
    amount_paid: paid ? amount : 0,
    amount_remaining: paid ? 0 : amount,
    amount_shipping: 0,
    application: null,
    attempt_count: draft ? 0 : 1,
    attempted: !draft,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: state.billing_reason,
    collection_method: "charge_automatically",
    created,
    currency: sub.currency,
    custom_fields: null,
    customer: sub.customer,
    customer_account: null,
    customer_address: null,
    customer_email: null,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: draft ? null : created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: list(
      state.charges.map((c) => invoiceLine(id, sub, c)),
      `/v1/invoices/${id}/lines`,
    ),
    livemode: false,
    metadata: {},
    next_payment_attempt: state.next_payment_attempt,
    number: null,
    on_behalf_of: null,
    parent: { type: "subscription_details", quote_details: null, subscription_details: { metadata: sub.metadata, subscription: sub.id } },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: state.period_end,
    period_start: state.period_start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status,
    status_transitions: { finalized_at: draft ? null : created, marked_uncollectible_at: null, paid_at: paid ? created : null, voided_at: null },
    subtotal: amount,
    subtotal_excluding_tax: amount,
    test_clock: null,
    total: amount,
    total_discount_amounts: [],
    total_excluding_tax: amount,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  } satisfies Stripe.Invoice;
}

/** The items' current periods billed: the first invoice ($0 for a trial) when paid, a failed renewal when open. */
export function invoice(sub: Stripe.Subscription, status: "paid" | "open"): Stripe.Invoice {
  const trial = sub.status === "trialing";
  const charges = sub.items.data.map((item) => ({
    item,
    price: item.price,
    quantity: item.quantity ?? 1,
    amount: trial ? 0 : (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
    period: { start: item.current_period_start, end: item.current_period_end },
  }));
  const item = sub.items.data[0]!;
  return subscriptionInvoice(sub, {
    id: stripeId("in"),
    status,
    billing_reason: status === "paid" ? "subscription_create" : "subscription_cycle",
    created: now(),
    period_start: item.current_period_start,
    period_end: item.current_period_end,
    next_payment_attempt: status === "paid" ? null : now() + 3 * 86400,
    charges,
  });
}

/**
 * The draft of the subscription's next invoice, as invoices/create_preview answers: made
 * at the end of the current period (the trial's end while trialing), for the full price of
 * each item over the next period. Like Stripe's, its period_start/period_end look back on
 * the period that closes; the service period billed is on each line.
 */
export function previewInvoice(sub: Stripe.Subscription, items: { item: Stripe.SubscriptionItem; price: Stripe.Price; quantity: number }[]): Stripe.Invoice {
  const current = sub.items.data[0]!;
  const next = current.current_period_end;
  return subscriptionInvoice(sub, {
    id: stripeId("upcoming_in"),
    status: "draft",
    billing_reason: "upcoming",
    created: next,
    period_start: current.current_period_start,
    period_end: next,
    next_payment_attempt: next,
    charges: items.map(({ item, price: p, quantity }) => ({ item, price: p, quantity, amount: (p.unit_amount ?? 0) * quantity, period: { start: next, end: periodEnd(next, p) } })),
  });
}

type EventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;

export function event<T extends Stripe.Event.Type>(type: T, object: EventOf<T>["data"]["object"]): EventOf<T> {
  const base = {
    id: stripeId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  } satisfies Omit<Stripe.Event, "type" | "data">;
  // A snapshot in wire form (decimals as strings), as Stripe renders it when the event is made.
  const snapshot = JSON.parse(JSON.stringify(object)) as typeof object;
  return { ...base, type, data: { object: snapshot } } as EventOf<T>;
}
