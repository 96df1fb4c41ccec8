import "server-only";
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { rawSqlOf } from "@/db/raw-sql";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { TEST_EVENT_TYPE } from "./event-types";
import { WEBHOOK_EVENT_DATA, WEBHOOK_PAYLOAD_VERSION, testEventData, type WebhookEventInput } from "./payloads";

export const newEventId = () => `evt_${randomUUID().replaceAll("-", "")}`;

type Emitted = { eventId: string; deliveryIds: string[] };

// One statement: the endpoints that want the event, the event (only if one does: a
// workspace without endpoints stores nothing), and a delivery for each.
const EMIT = `
WITH targets AS (
  SELECT id FROM webhook_endpoints
  WHERE tenant_id = $1 AND disabled_at IS NULL
    AND ($5::uuid IS NULL OR id = $5::uuid)
    AND ($5::uuid IS NOT NULL OR cardinality(event_types) = 0 OR $3 = ANY(event_types))
), event AS (
  INSERT INTO webhook_events (tenant_id, id, type, body, created_at)
  SELECT $1, $2, $3, $4, $6::timestamptz WHERE EXISTS (SELECT 1 FROM targets)
  RETURNING id
)
INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id)
SELECT $1, targets.id, event.id FROM targets, event
RETURNING id`;

async function emit(executor: Executor, tenantId: string, type: string, data: unknown, endpointId: string | null): Promise<Emitted> {
  const eventId = newEventId();
  const now = new Date();
  const body = JSON.stringify({ id: eventId, type, version: WEBHOOK_PAYLOAD_VERSION, timestamp: now.toISOString(), workspace_id: tenantId, data });
  const { rows } = await rawSqlOf(executor).executeSql(EMIT, [tenantId, eventId, type, body, endpointId, now.toISOString()]);
  const deliveryIds = rows.map((row) => String(row.id));
  for (const deliveryId of deliveryIds) await enqueueDelivery(executor, tenantId, deliveryId);
  return { eventId, deliveryIds };
}

export async function enqueueDelivery(executor: Executor, tenantId: string, deliveryId: string): Promise<void> {
  await enqueueJob("webhook-deliver", { tenantId, deliveryId }, { executor });
}

/**
 * Records an event for every endpoint of the tenant that wants it, and queues its
 * deliveries. Call it with the transaction of the change: rolled back, nothing is sent;
 * committed, it is delivered at least once.
 */
export async function emitWebhookEvent(executor: Executor, tenantId: string, event: WebhookEventInput): Promise<Emitted> {
  const data = (WEBHOOK_EVENT_DATA[event.type] as (typeof WEBHOOK_EVENT_DATA)[keyof typeof WEBHOOK_EVENT_DATA]).parse(event.data);
  return emit(executor, tenantId, event.type, data, null);
}

/** A `webhook.test` event for one endpoint, whatever it subscribes to. */
export async function emitTestEvent(executor: Executor, tenantId: string, endpointId: string, message: string): Promise<Emitted> {
  return emit(executor, tenantId, TEST_EVENT_TYPE, testEventData.parse({ message }), endpointId);
}
