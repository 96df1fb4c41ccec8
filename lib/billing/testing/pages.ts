// The bare Checkout and Customer Portal pages of the fake, for a browser to click through.
import type Stripe from "stripe";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(body: string): string {
  return `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Fake Stripe</title>
<style>body{font-family:system-ui;max-width:28rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.6rem 1rem;margin:.25rem 0;width:100%}</style></head><body>${body}</body></html>`;
}

export function checkoutPage(session: Stripe.Checkout.Session, price: Stripe.Price): string {
  return page(`<h1>Fake Checkout</h1><p>Subscribe to <strong>${escape(price.lookup_key ?? price.id)}</strong> for ${(price.unit_amount ?? 0) / 100} ${price.currency.toUpperCase()} per ${price.recurring?.interval ?? "once"}.</p>
<form method="post" action="/checkout/${escape(session.id)}/pay"><button>Pay and subscribe</button></form><p><a href="${escape(session.cancel_url ?? "/")}">Cancel</a></p>`);
}

export function portalPage(portal: Stripe.BillingPortal.Session, subscription: Stripe.Subscription | undefined): string {
  const item = subscription?.items.data[0];
  const live = subscription && subscription.status !== "canceled";
  return page(`<h1>Fake Customer Portal</h1><p>Subscription: <strong id="status">${item ? `${escape(item.price.lookup_key ?? item.price.id)}, ${subscription.status}` : "none"}</strong></p>
${live ? `<form method="post" action="/portal/${escape(portal.id)}/cancel"><button>Cancel subscription now</button></form>
<form method="post" action="/portal/${escape(portal.id)}/switch"><button>Switch to business_monthly</button></form>
<form method="post" action="/portal/${escape(portal.id)}/fail"><button>Simulate a failed payment</button></form>` : ""}
<p><a href="${escape(portal.return_url ?? "/")}">Return to the app</a></p>`);
}
