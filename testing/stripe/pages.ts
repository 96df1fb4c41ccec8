// The bare Checkout and Customer Portal pages of the fake, for a browser to click through.
import type Stripe from "stripe";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(body: string): string {
  return `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Fake Stripe</title>
<style>body{font-family:system-ui;max-width:28rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.6rem 1rem;margin:.25rem 0;width:100%}</style></head><body>${body}</body></html>`;
}

const money = (cents: number, currency: string) => `${cents / 100} ${currency.toUpperCase()}`;
const day = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);

export function checkoutPage(session: Stripe.Checkout.Session, line: Stripe.LineItem, trialEnd?: number): string {
  const price = line.price!;
  const quantity = line.quantity ?? 1;
  const per = `per ${price.recurring?.interval ?? "once"}`;
  const unit = price.unit_amount ?? 0;
  const cost = quantity === 1 ? `${money(unit, price.currency)} ${per}` : `${quantity} seats × ${money(unit, price.currency)} = ${money(unit * quantity, price.currency)} ${per}`;
  const trial = trialEnd ? `<p id="trial">Free trial until ${day(trialEnd)}: nothing is charged today.</p>` : "";
  return page(`<h1>Fake Checkout</h1><p>Subscribe to <strong>${escape(price.lookup_key ?? price.id)}</strong> for <span id="cost">${cost}</span>.</p>${trial}
<form method="post" action="/checkout/${escape(session.id)}/pay"><button>Pay and subscribe</button></form><p><a href="${escape(session.cancel_url ?? "/")}">Cancel</a></p>`);
}

export function portalPage(portal: Stripe.BillingPortal.Session, subscription: Stripe.Subscription | undefined): string {
  const item = subscription?.items.data[0];
  const live = subscription && subscription.status !== "canceled";
  const action = (name: string) => `/portal/${escape(portal.id)}/${name}`;
  return page(`<h1>Fake Customer Portal</h1><p>Subscription: <strong id="status">${item ? `${escape(item.price.lookup_key ?? item.price.id)}, ${subscription.status}` : "none"}</strong></p>
${item ? `<p>Seats: <strong id="quantity">${item.quantity ?? 1}</strong></p>` : ""}
${live ? `<form method="post" action="${action("cancel")}"><button>Cancel subscription now</button></form>
<form method="post" action="${action("switch")}"><button>Switch to business_seat_monthly</button></form>
<form method="post" action="${action("fail")}"><button>Simulate a failed payment</button></form>
<form method="post" action="${action("seats")}"><label>Seats <input type="number" name="quantity" min="1" value="${item!.quantity ?? 1}" required></label><button>Change seats</button></form>` : ""}
<p><a href="${escape(portal.return_url ?? "/")}">Return to the app</a></p>`);
}
