import "server-only";
import { asc, eq } from "drizzle-orm";
import { webhookEndpoints } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { NotFoundError, UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { assertWithinLimit } from "@/lib/plans/limits";
import { tenantScope, tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { UUID } from "@/lib/validation/uuid";
import { DestinationRefusedError, destinationPolicy, resolveDestination, urlProblem } from "./destination";
import { webhookEndpointPatchSchema, webhookEndpointSchema, type WebhookEndpointInput, type WebhookEndpointPatch } from "./schemas";
import { newSigningSecret, PREVIOUS_SECRET_GRACE_MS, sealSecret } from "./signing";

export type WebhookEndpoint = Omit<typeof webhookEndpoints.$inferSelect, "secret" | "previousSecret">;

export const WEBHOOKS_DENIED = "Only owners and admins can manage webhooks.";
const NOT_FOUND = "Webhook endpoint not found.";

const withoutSecrets = ({ secret: _secret, previousSecret: _previous, ...endpoint }: typeof webhookEndpoints.$inferSelect): WebhookEndpoint => endpoint;

/**
 * Refuses a URL deliveries could not use: its scheme, and (where private destinations are
 * refused, in production) a name that resolves to a private, loopback, link-local or
 * metadata address. Deliveries check again each time, after DNS.
 */
async function assertDeliverableUrl(value: string): Promise<void> {
  const policy = destinationPolicy();
  const problem = urlProblem(value, policy);
  if (problem) throw new UserError("Check the URL.", { url: [problem] });
  try {
    await resolveDestination(new URL(value), policy);
  } catch (error) {
    if (error instanceof DestinationRefusedError) throw new UserError("Check the URL.", { url: [error.message] });
    throw new UserError("Check the URL.", { url: ["We could not look up this host right now. Try again in a moment."] });
  }
}

export async function listWebhookEndpoints(ctx: TenantContext): Promise<WebhookEndpoint[]> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  const rows = await tenantScope(ctx).findMany(webhookEndpoints, { orderBy: asc(webhookEndpoints.createdAt) });
  return rows.map(withoutSecrets);
}

export async function getWebhookEndpointOrThrow(ctx: TenantContext, id: string): Promise<WebhookEndpoint> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  if (!UUID.test(id)) throw new NotFoundError(NOT_FOUND);
  return withoutSecrets(await tenantScope(ctx).getOrThrow(webhookEndpoints, eq(webhookEndpoints.id, id), NOT_FOUND));
}

/** Adds an endpoint; its signing secret is in the result once and never again. */
export async function createWebhookEndpoint(ctx: TenantContext, input: WebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  const fields = parseOrThrow(webhookEndpointSchema, input);
  await assertDeliverableUrl(fields.url);
  const secret = newSigningSecret();
  const endpoint = await tenantTransaction(ctx, async (scope) => {
    await assertWithinLimit(scope, "webhookEndpoints");
    const [row] = await scope.insert(webhookEndpoints, { ...fields, secret: sealSecret(secret), createdById: ctx.user.id });
    await logActivity(scope, {
      action: "webhook.created",
      target: { type: "webhook", id: row!.id, label: row!.url },
      metadata: { eventTypes: fields.eventTypes },
    });
    return row!;
  });
  return { endpoint: withoutSecrets(endpoint), secret };
}

export async function updateWebhookEndpoint(ctx: TenantContext, id: string, input: WebhookEndpointPatch): Promise<WebhookEndpoint> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  const { enabled, ...fields } = parseOrThrow(webhookEndpointPatchSchema, input);
  if (!UUID.test(id)) throw new NotFoundError(NOT_FOUND);
  if (fields.url !== undefined) await assertDeliverableUrl(fields.url);
  return tenantTransaction(ctx, async (scope) => {
    const enabling =
      enabled === undefined ? {} : enabled ? { disabledAt: null, disabledReason: null, failingSince: null } : { disabledAt: new Date(), disabledReason: "manual" as const };
    // Disabling an endpoint that already is keeps when and why it was.
    const current = await scope.findFirst(webhookEndpoints, eq(webhookEndpoints.id, id));
    if (!current) throw new NotFoundError(NOT_FOUND);
    const keep = enabled === false && current.disabledAt ? {} : enabling;
    const [row] = await scope.update(webhookEndpoints, { ...fields, ...keep, updatedAt: new Date() }, eq(webhookEndpoints.id, id));
    await logActivity(scope, {
      action: "webhook.updated",
      target: { type: "webhook", id, label: row!.url },
      metadata: { fields: [...Object.keys(fields), ...(enabled === undefined ? [] : ["enabled"])], ...(enabled === undefined ? {} : { enabled }) },
    });
    return withoutSecrets(row!);
  });
}

/** A new signing secret, shown once; the old one keeps signing beside it for 24 hours. */
export async function rotateWebhookSecret(ctx: TenantContext, id: string): Promise<{ secret: string; previousSecretExpiresAt: Date }> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  if (!UUID.test(id)) throw new NotFoundError(NOT_FOUND);
  const secret = newSigningSecret();
  const previousSecretExpiresAt = new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS);
  await tenantTransaction(ctx, async (scope) => {
    const current = await scope.findFirst(webhookEndpoints, eq(webhookEndpoints.id, id));
    if (!current) throw new NotFoundError(NOT_FOUND);
    await scope.update(
      webhookEndpoints,
      { secret: sealSecret(secret), previousSecret: current.secret, previousSecretExpiresAt, updatedAt: new Date() },
      eq(webhookEndpoints.id, id),
    );
    await logActivity(scope, { action: "webhook.secret_rotated", target: { type: "webhook", id, label: current.url } });
  });
  return { secret, previousSecretExpiresAt };
}

/** Deletes an endpoint with its delivery log; queued deliveries to it are dropped. */
export async function deleteWebhookEndpoint(ctx: TenantContext, id: string): Promise<void> {
  assertCan(ctx, "webhooks.manage", WEBHOOKS_DENIED);
  if (!UUID.test(id)) throw new NotFoundError(NOT_FOUND);
  await tenantTransaction(ctx, async (scope) => {
    const [row] = await scope.delete(webhookEndpoints, eq(webhookEndpoints.id, id));
    if (!row) throw new NotFoundError(NOT_FOUND);
    await logActivity(scope, { action: "webhook.deleted", target: { type: "webhook", id, label: row.url } });
  });
}
