import { handleStripeWebhook, WEBHOOK_BODY_LIMIT_BYTES } from "@/lib/billing/webhook";
import { readBodyWithin } from "@/lib/request/bounded-body";

export async function POST(request: Request) {
  try {
    // The signature covers the exact bytes: read the raw body, never parsed JSON.
    const body = await readBodyWithin(request, WEBHOOK_BODY_LIMIT_BYTES);
    if (!body) return Response.json({ error: "The event is larger than any Stripe sends." }, { status: 413 });
    const reply = await handleStripeWebhook(new TextDecoder().decode(body), request.headers.get("stripe-signature"));
    return Response.json(reply.body, { status: reply.status });
  } catch (error) {
    console.error("Stripe webhook failed", error);
    return Response.json({ error: "Processing failed" }, { status: 500 });
  }
}
