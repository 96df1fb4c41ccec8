import { jsonObjectBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { webhookEndpointCreateBody } from "@/lib/api/workspace";
import { toWebhookEndpointResource } from "@/lib/resources/webhook-endpoint";
import { parseOrThrow } from "@/lib/validation";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";

export const GET = apiRoute("webhooks:read", async (ctx) => {
  return Response.json({ data: (await listWebhookEndpoints(ctx)).map(toWebhookEndpointResource) });
});

export const POST = apiRoute("webhooks:write", async (ctx, request) => {
  const input = parseOrThrow(webhookEndpointCreateBody, await jsonObjectBody(request));
  const { endpoint, secret } = await createWebhookEndpoint(ctx, input);
  // The only time the secret leaves the server.
  return Response.json({ data: { ...toWebhookEndpointResource(endpoint), secret } }, { status: 201 });
});
