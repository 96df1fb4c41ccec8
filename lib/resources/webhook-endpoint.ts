import { z } from "zod";
import type { webhookEndpoints } from "@/db/schema";

/** A webhook endpoint as the API shows it; never its secret, except once on creation and rotation. */
export const webhookEndpointResource = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  event_types: z.array(z.string()).describe("Empty: every event type"),
  enabled: z.boolean(),
  disabled_reason: z.enum(["manual", "failing"]).nullable().describe("failing: disabled after five days of failed deliveries"),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
/** The answer to creating one: the only time its signing secret is shown. */
export const webhookEndpointWithSecretResource = webhookEndpointResource.extend({
  secret: z.string().regex(/^whsec_/).describe("The signing secret, shown this once: verify deliveries with it"),
});

export type WebhookEndpointResource = z.infer<typeof webhookEndpointResource>;

export function toWebhookEndpointResource(
  endpoint: Pick<typeof webhookEndpoints.$inferSelect, "id" | "url" | "description" | "eventTypes" | "disabledAt" | "disabledReason" | "createdAt" | "updatedAt">,
): WebhookEndpointResource {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.eventTypes,
    enabled: !endpoint.disabledAt,
    disabled_reason: endpoint.disabledAt ? endpoint.disabledReason : null,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}
