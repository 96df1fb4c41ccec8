import { handleStripeWebhook } from "@/lib/billing/webhook";

export async function POST(request: Request) {
  try {
    // The signature covers the exact bytes: read the raw body, never parsed JSON.
    const reply = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
    return Response.json(reply.body, { status: reply.status });
  } catch (error) {
    console.error("Stripe webhook failed", error);
    return Response.json({ error: "Processing failed" }, { status: 500 });
  }
}
