import "server-only";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { tableOf } from "@/db/resource-tables";
import { RESOURCES } from "@/db/resources";
import { activityLog, apiKeys, invitations, memberships, planChanges, subscriptions, tenants, users, webhookEndpoints } from "@/db/schema";
import { BATCH_ROWS, keysetRows, once, type ExportTable } from "./sources";

type Row = Record<string, unknown>;

/** A tenant-owned table read in batches on one of its columns, within the one tenant. */
function keyed(name: string, table: PgTable & { tenantId: AnyPgColumn }, columns: Record<string, AnyPgColumn>, key: string, tenantId: string, join?: (q: ReturnType<typeof selectFrom>) => ReturnType<typeof selectFrom>): ExportTable {
  const keyColumn = columns[key]!;
  return {
    name,
    columns: Object.keys(columns),
    rows: () =>
      keysetRows<Row>((after) => {
        const where: SQL = and(eq(table.tenantId, tenantId), after ? gt(keyColumn, after[key]) : undefined)!;
        const query = selectFrom(columns, table);
        return (join ? join(query) : query).where(where).orderBy(asc(keyColumn)).limit(BATCH_ROWS) as unknown as Promise<Row[]>;
      }),
  };
}

const selectFrom = (columns: Record<string, AnyPgColumn>, table: PgTable) => db.select(columns).from(table).$dynamic();

/**
 * What a workspace export holds, table by table. Secrets never leave: no key or token
 * hashes, no webhook signing secrets, no Stripe ids beyond the subscription's. Every query is bound to the one tenant
 * the export was authorised for (lib/exports/request-export.ts checked the caller).
 */
export function tenantExportTables(tenantId: string): ExportTable[] {
  return [
    {
      name: "workspace",
      columns: ["id", "slug", "name", "planId", "createdAt", "subscriptionStatus", "subscriptionInterval", "currentPeriodEnd"],
      rows: () =>
        once(() =>
          db
            .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, planId: tenants.planId, trialEndsAt: tenants.trialEndsAt, createdAt: tenants.createdAt, subscriptionStatus: subscriptions.status, seatsPaid: subscriptions.quantity, subscriptionInterval: subscriptions.interval, currentPeriodEnd: subscriptions.currentPeriodEnd })
            .from(tenants)
            .leftJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
            .where(eq(tenants.id, tenantId)),
        ),
    },
    keyed("members", memberships, { userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.joinedAt }, "userId", tenantId, (q) =>
      q.innerJoin(users, eq(users.id, memberships.userId)),
    ),
    keyed("invitations", invitations, { id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, declinedAt: invitations.declinedAt, revokedAt: invitations.revokedAt }, "id", tenantId),
    // Each declared resource, with the columns its declaration exports.
    ...RESOURCES.map((r) => {
      const table = tableOf(r.key);
      const columns = Object.fromEntries(r.exported.map((name) => [name, (table as unknown as Record<string, AnyPgColumn>)[name]!]));
      return keyed(r.key, table, columns, "id", tenantId);
    }),
    keyed("api_keys", apiKeys, { id: apiKeys.id, name: apiKeys.name, display: apiKeys.display, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, expiresAt: apiKeys.expiresAt, revokedAt: apiKeys.revokedAt }, "id", tenantId),
    keyed("webhook_endpoints", webhookEndpoints, { id: webhookEndpoints.id, url: webhookEndpoints.url, description: webhookEndpoints.description, eventTypes: webhookEndpoints.eventTypes, createdAt: webhookEndpoints.createdAt, disabledAt: webhookEndpoints.disabledAt }, "id", tenantId),
    keyed("activity", activityLog, { id: activityLog.id, createdAt: activityLog.createdAt, actor: activityLog.actorLabel, apiKeyId: activityLog.apiKeyId, apiKeyName: activityLog.apiKeyName, action: activityLog.action, targetType: activityLog.targetType, targetId: activityLog.targetId, target: activityLog.targetLabel, metadata: activityLog.metadata, ip: activityLog.ip }, "id", tenantId),
    keyed("plan_history", planChanges, { id: planChanges.id, createdAt: planChanges.createdAt, fromPlan: planChanges.fromPlan, toPlan: planChanges.toPlan, source: planChanges.source, reason: planChanges.reason }, "id", tenantId),
  ];
}
