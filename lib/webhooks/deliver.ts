import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { memberships, tenants, users, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { APP_NAME } from "@/lib/config/app";
import { configuredAppUrl } from "@/lib/config/app-url";
import { sendEmail } from "@/lib/email/send-email";
import { webhookDisabledEmail } from "@/lib/email/templates/webhook-disabled";
import { JOBS, type JobPayload } from "@/lib/jobs/definitions";
import { ROLE_PERMISSIONS } from "@/lib/permissions/permissions";
import { ROLES } from "@/lib/permissions/roles";
import { tenantPath } from "@/lib/tenancy/paths";
import { destinationPolicy } from "./destination";
import { postOnce, type AttemptResult } from "./send";
import { signatureHeaders, signingSecrets } from "./signing";

/** Every try of one delivery: the first and the job's retries. */
export const MAX_ATTEMPTS = JOBS["webhook-deliver"].retryLimit + 1;
/** An endpoint whose deliveries have all failed this long is disabled, and its managers are told. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 60 * 60 * 1000;

const MANAGERS = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes("webhooks.manage"));

export type DeliveryOutcome = "succeeded" | "retrying" | "failed" | "skipped";

/**
 * The `webhook-deliver` job: one attempt of one delivery, signed afresh. A failure throws
 * so the queue retries it with backoff, until the last attempt, which marks it failed.
 * Runs twice harmlessly: a delivery no longer pending is left alone.
 */
export async function deliverWebhook({ tenantId, deliveryId }: JobPayload<"webhook-deliver">): Promise<{ outcome: DeliveryOutcome }> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: { id: webhookEvents.id, body: webhookEvents.body } })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.tenantId, webhookDeliveries.tenantId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
    .innerJoin(webhookEvents, and(eq(webhookEvents.tenantId, webhookDeliveries.tenantId), eq(webhookEvents.id, webhookDeliveries.eventId)))
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, deliveryId)));
  if (!row || row.delivery.status !== "pending") return { outcome: "skipped" };
  const { delivery, endpoint, event } = row;
  if (endpoint.disabledAt) {
    await finishDelivery(db, delivery, { status: "failed", error: "Not sent: the endpoint is disabled." });
    return { outcome: "failed" };
  }

  const now = new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": `${APP_NAME.replace(/[^\w.-]+/g, "-")}-Webhooks/1`,
    ...signatureHeaders(event.id, event.body, signingSecrets(endpoint, now), now),
  };
  const result = await postOnce(endpoint.url, headers, event.body, destinationPolicy());
  const attempts = delivery.attempts + 1;

  const outcome = await db.transaction(async (tx): Promise<DeliveryOutcome> => {
    const attempt = { attempts, result, at: now };
    if (result.ok) {
      await finishDelivery(tx, delivery, { status: "succeeded", attempt });
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpoint.id), sql`${webhookEndpoints.failingSince} IS NOT NULL`));
      return "succeeded";
    }
    const [marked] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpoint.id)))
      .returning({ failingSince: webhookEndpoints.failingSince });
    if (marked?.failingSince && now.getTime() - marked.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
      await disableFailingEndpoint(tx, endpoint, marked.failingSince);
      await finishDelivery(tx, delivery, { status: "failed", attempt });
      return "failed";
    }
    const final = attempts >= MAX_ATTEMPTS;
    await finishDelivery(tx, delivery, { status: final ? "failed" : "pending", attempt });
    return final ? "failed" : "retrying";
  });
  if (outcome === "retrying") throw new Error(`Webhook delivery ${deliveryId}: ${describeFailure(result)}`);
  return { outcome };
}

export const describeFailure = (result: AttemptResult) => result.error ?? `HTTP ${result.status}`;

async function finishDelivery(
  executor: Executor,
  delivery: typeof webhookDeliveries.$inferSelect,
  change: { status: "pending" | "succeeded" | "failed"; error?: string; attempt?: { attempts: number; result: AttemptResult; at: Date } },
) {
  const { attempt } = change;
  await executor
    .update(webhookDeliveries)
    .set({
      status: change.status,
      ...(attempt
        ? {
            attempts: attempt.attempts,
            responseStatus: attempt.result.status,
            responseBody: attempt.result.body,
            latencyMs: attempt.result.latencyMs,
            error: attempt.result.ok ? null : describeFailure(attempt.result),
            lastAttemptAt: attempt.at,
          }
        : { error: change.error ?? null }),
    })
    .where(and(eq(webhookDeliveries.tenantId, delivery.tenantId), eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, "pending")));
}

async function disableFailingEndpoint(tx: Executor, endpoint: typeof webhookEndpoints.$inferSelect, failingSince: Date) {
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ disabledAt: new Date(), disabledReason: "failing", updatedAt: new Date() })
    .where(and(eq(webhookEndpoints.tenantId, endpoint.tenantId), eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.disabledAt)))
    .returning({ id: webhookEndpoints.id });
  if (!disabled) return;
  const days = Math.floor((Date.now() - failingSince.getTime()) / 86_400_000);
  await recordActivity(tx, {
    tenantId: endpoint.tenantId,
    actor: null,
    actorLabel: "Webhooks",
    ip: null,
    action: "webhook.disabled",
    target: { type: "webhook", id: endpoint.id, label: endpoint.url },
    metadata: { days },
  });
  const managers = await tx
    .select({ email: users.email, slug: tenants.slug, name: tenants.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.tenantId, endpoint.tenantId), inArray(memberships.role, MANAGERS)));
  for (const manager of managers) {
    if (!manager.email) continue;
    const url = `${configuredAppUrl() ?? "http://localhost:3000"}${tenantPath(manager.slug, `webhooks/${endpoint.id}`)}`;
    await sendEmail({ to: manager.email, ...webhookDisabledEmail({ tenantName: manager.name, endpointUrl: endpoint.url, days, url }) }, { executor: tx });
  }
}
