import { jsonObjectBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { webhookEndpointPatchBody } from "@/lib/api/workspace";
import { toWebhookEndpointResource } from "@/lib/resources/webhook-endpoint";
import { parseOrThrow } from "@/lib/validation";
import { deleteWebhookEndpoint, getWebhookEndpointOrThrow, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";

type Params = { id: string };

export const GET = apiRoute<Params>("webhooks:read", async (ctx, _request, { id }) => {
  return Response.json({ data: toWebhookEndpointResource(await getWebhookEndpointOrThrow(ctx, id)) });
});

export const PATCH = apiRoute<Params>("webhooks:write", async (ctx, request, { id }) => {
  const changes = parseOrThrow(webhookEndpointPatchBody, await jsonObjectBody(request));
  return Response.json({ data: toWebhookEndpointResource(await updateWebhookEndpoint(ctx, id, changes)) });
});

export const DELETE = apiRoute<Params>("webhooks:write", async (ctx, _request, { id }) => {
  await deleteWebhookEndpoint(ctx, id);
  return new Response(null, { status: 204 });
});
