"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { tenantPath } from "@/lib/tenancy/paths";
import { resendWebhookDelivery, sendTestWebhook } from "@/lib/webhooks/deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { webhookEndpointFormSchema } from "@/lib/webhooks/schemas";

const byId = z.object({ id: z.uuid({ error: "Unknown webhook endpoint." }) });
const refresh = (slug: string, id?: string) => revalidatePath(tenantPath(slug, id ? `webhooks/${id}` : "webhooks"));

export const createWebhookEndpointAction = tenantAction(webhookEndpointFormSchema, async (ctx, input) => {
  const { endpoint, secret } = await createWebhookEndpoint(ctx, input);
  refresh(ctx.tenant.slug);
  // The only time the secret leaves the server.
  return { id: endpoint.id, url: endpoint.url, secret };
});

export const updateWebhookEndpointAction = tenantAction(z.intersection(byId, webhookEndpointFormSchema), async (ctx, { id, ...input }) => {
  await updateWebhookEndpoint(ctx, id, input);
  refresh(ctx.tenant.slug, id);
  return { saved: true };
});

export const setWebhookEndpointEnabledAction = tenantAction(byId.extend({ enabled: z.enum(["true", "false"]) }), async (ctx, { id, enabled }) => {
  await updateWebhookEndpoint(ctx, id, { enabled: enabled === "true" });
  refresh(ctx.tenant.slug, id);
});

export const rotateWebhookSecretAction = tenantAction(byId, async (ctx, { id }) => {
  const { secret } = await rotateWebhookSecret(ctx, id);
  refresh(ctx.tenant.slug, id);
  return { secret };
});

export const deleteWebhookEndpointAction = tenantAction(byId, async (ctx, { id }) => {
  await deleteWebhookEndpoint(ctx, id);
  refresh(ctx.tenant.slug);
});

export const sendTestWebhookAction = tenantAction(byId, async (ctx, { id }) => {
  await sendTestWebhook(ctx, id);
  refresh(ctx.tenant.slug, id);
});

export const resendWebhookDeliveryAction = tenantAction(z.object({ deliveryId: z.uuid({ error: "Unknown delivery." }), id: z.uuid() }), async (ctx, { deliveryId, id }) => {
  await resendWebhookDelivery(ctx, deliveryId);
  refresh(ctx.tenant.slug, id);
});
