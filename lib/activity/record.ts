import "server-only";
import type { Executor } from "@/db/client";
import { activityLog } from "@/db/schema";
import type { SessionUser } from "@/lib/tenancy/context";
import type { TenantScope } from "@/lib/tenancy/scope";
import type { ActivityAction, ActivityTarget } from "./events";

export type ActivityEvent = {
  action: ActivityAction;
  target?: ActivityTarget;
  metadata?: Record<string, unknown>;
};

export const userLabel = (user: Pick<SessionUser, "name" | "email">) => user.name || user.email || null;

/**
 * Adds an entry for a tenant. Pass the transaction of the change it records, so the
 * two stand or fall together. For an actor outside the tenant (a user accepting an
 * invitation), give the tenant id and actor directly.
 */
export async function recordActivity(
  executor: Executor,
  entry: ActivityEvent & {
    tenantId: string;
    actor: Pick<SessionUser, "id" | "name" | "email"> | null;
    /** For an actor that is not a user ("Stripe"). */
    actorLabel?: string;
    /** The key `actor` acted through: `actor` is then the key's creator. */
    apiKey?: { id: string; name: string } | null;
    ip: string | null;
  },
): Promise<void> {
  await executor.insert(activityLog).values({
    tenantId: entry.tenantId,
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor ? userLabel(entry.actor) : (entry.actorLabel ?? null),
    apiKeyId: entry.apiKey?.id ?? null,
    apiKeyName: entry.apiKey?.name ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    metadata: entry.metadata ?? null,
    ip: entry.ip,
  });
}

/** Records what the scope's actor did in its tenant, in the scope's transaction. */
export async function logActivity(scope: TenantScope, event: ActivityEvent): Promise<void> {
  const { ctx } = scope;
  const apiKey = ctx.actor.type === "api_key" ? { id: ctx.actor.id, name: ctx.actor.name } : null;
  await recordActivity(scope.tx, { ...event, tenantId: ctx.tenant.id, actor: ctx.user, apiKey, ip: ctx.ip });
}
