import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantScope, tenantTransaction, type TenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { decodeCursor, encodeCursor } from "@/lib/validation/cursor";
import { UUID } from "@/lib/validation/uuid";
import { emitTestEvent, enqueueDelivery } from "./emit";
import { WEBHOOKS_DENIED } from "./endpoints";

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect & { eventType: string };
export type DeliveryPage = { deliveries: WebhookDelivery[]; nextCursor: string | null };

export const DELIVERY_PAGE_SIZE = 25;
const NOT_FOUND = "Webhook endpoint not found.";

/** An endpoint's delivery log, newest first, a page at a time. */
export async function listWebhookDeliveries(ctx: TenantContext, endpointId: string, options: { cursor?: string; limit?: number } = {}): Promise<DeliveryPage> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  if (!UUID.test(endpointId)) throw new NotFoundError(NOT_FOUND);
  const limit = Math.min(Math.max(options.limit ?? DELIVERY_PAGE_SIZE, 1), 100);
  const after = decodeCursor(options.cursor);
  const scope = tenantScope(ctx);
  const rows = await db
    .select({ delivery: webhookDeliveries, eventType: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, and(eq(webhookEvents.tenantId, webhookDeliveries.tenantId), eq(webhookEvents.id, webhookDeliveries.eventId)))
    .where(
      scope.owned(
        webhookDeliveries,
        eq(webhookDeliveries.endpointId, endpointId),
        after ? sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ delivery, eventType }) => ({ ...delivery, eventType }));
  return { deliveries: page, nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null };
}

async function assertEnabledEndpoint(scope: TenantScope, endpointId: string) {
  const endpoint = await scope.findFirst(webhookEndpoints, eq(webhookEndpoints.id, endpointId));
  if (!endpoint) throw new NotFoundError(NOT_FOUND);
  if (endpoint.disabledAt) throw new UserError("This endpoint is disabled. Enable it first.");
  return endpoint;
}

/**
 * Sends a past delivery's event again, as a new delivery with the same body and the same
 * webhook-id (a receiver that already has it can tell).
 */
export async function resendWebhookDelivery(ctx: TenantContext, deliveryId: string): Promise<{ deliveryId: string }> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  if (!UUID.test(deliveryId)) throw new NotFoundError("Delivery not found.");
  return tenantTransaction(ctx, async (scope) => {
    const past = await scope.getOrThrow(webhookDeliveries, eq(webhookDeliveries.id, deliveryId), "Delivery not found.");
    await assertEnabledEndpoint(scope, past.endpointId);
    const [delivery] = await scope.insert(webhookDeliveries, { endpointId: past.endpointId, eventId: past.eventId });
    await enqueueDelivery(scope.tx, ctx.tenant.id, delivery!.id);
    return { deliveryId: delivery!.id };
  });
}

/** A `webhook.test` event to one endpoint, whatever it subscribes to. */
export async function sendTestWebhook(ctx: TenantContext, endpointId: string): Promise<{ eventId: string }> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  if (!UUID.test(endpointId)) throw new NotFoundError(NOT_FOUND);
  return tenantTransaction(ctx, async (scope) => {
    await assertEnabledEndpoint(scope, endpointId);
    const who = ctx.user.name || ctx.user.email || "Someone";
    const { eventId } = await emitTestEvent(scope.tx, ctx.tenant.id, endpointId, `${who} sent a test event from ${ctx.tenant.name}.`);
    return { eventId };
  });
}
