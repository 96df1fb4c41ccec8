import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { activityLog, apiKeys, customers, invitations, memberships, planChanges, subscriptions, tenants, users } from "@/db/schema";
import { BATCH_ROWS, keysetRows, once, type ExportTable } from "./sources";

/**
 * What a workspace export holds, table by table. Secrets never leave: no key or token
 * hashes, no Stripe ids beyond the subscription's. Every query is bound to the one tenant
 * the export was authorised for (lib/exports/request-export.ts checked the caller).
 */
export function tenantExportTables(tenantId: string): ExportTable[] {
  const customerColumns = { id: customers.id, name: customers.name, company: customers.company, email: customers.email, phone: customers.phone, notes: customers.notes, createdAt: customers.createdAt, updatedAt: customers.updatedAt };
  const activityColumns = { id: activityLog.id, createdAt: activityLog.createdAt, actor: activityLog.actorLabel, action: activityLog.action, targetType: activityLog.targetType, targetId: activityLog.targetId, target: activityLog.targetLabel, metadata: activityLog.metadata, ip: activityLog.ip };
  return [
    {
      name: "workspace",
      columns: ["id", "slug", "name", "planId", "createdAt", "subscriptionStatus", "subscriptionInterval", "currentPeriodEnd"],
      rows: () =>
        once(() =>
          db
            .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, planId: tenants.planId, createdAt: tenants.createdAt, subscriptionStatus: subscriptions.status, subscriptionInterval: subscriptions.interval, currentPeriodEnd: subscriptions.currentPeriodEnd })
            .from(tenants)
            .leftJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
            .where(eq(tenants.id, tenantId)),
        ),
    },
    {
      name: "members",
      columns: ["userId", "name", "email", "role", "joinedAt"],
      rows: () =>
        keysetRows<{ userId: string }>((after) =>
          db
            .select({ userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.joinedAt })
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(and(eq(memberships.tenantId, tenantId), after ? gt(memberships.userId, after.userId) : undefined))
            .orderBy(asc(memberships.userId))
            .limit(BATCH_ROWS),
        ),
    },
    {
      name: "invitations",
      columns: ["id", "email", "role", "createdAt", "expiresAt", "acceptedAt", "declinedAt", "revokedAt"],
      rows: () =>
        keysetRows<{ id: string }>((after) =>
          db
            .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, declinedAt: invitations.declinedAt, revokedAt: invitations.revokedAt })
            .from(invitations)
            .where(and(eq(invitations.tenantId, tenantId), after ? gt(invitations.id, after.id) : undefined))
            .orderBy(asc(invitations.id))
            .limit(BATCH_ROWS),
        ),
    },
    {
      name: "customers",
      columns: Object.keys(customerColumns),
      rows: () =>
        keysetRows<{ id: string }>((after) =>
          db
            .select(customerColumns)
            .from(customers)
            .where(and(eq(customers.tenantId, tenantId), after ? gt(customers.id, after.id) : undefined))
            .orderBy(asc(customers.id))
            .limit(BATCH_ROWS),
        ),
    },
    {
      name: "api_keys",
      columns: ["id", "name", "display", "scopes", "createdAt", "lastUsedAt", "expiresAt", "revokedAt"],
      rows: () =>
        keysetRows<{ id: string }>((after) =>
          db
            .select({ id: apiKeys.id, name: apiKeys.name, display: apiKeys.display, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, expiresAt: apiKeys.expiresAt, revokedAt: apiKeys.revokedAt })
            .from(apiKeys)
            .where(and(eq(apiKeys.tenantId, tenantId), after ? gt(apiKeys.id, after.id) : undefined))
            .orderBy(asc(apiKeys.id))
            .limit(BATCH_ROWS),
        ),
    },
    {
      name: "activity",
      columns: Object.keys(activityColumns),
      rows: () =>
        keysetRows<{ id: number }>((after) =>
          db
            .select(activityColumns)
            .from(activityLog)
            .where(and(eq(activityLog.tenantId, tenantId), after ? gt(activityLog.id, after.id) : undefined))
            .orderBy(asc(activityLog.id))
            .limit(BATCH_ROWS),
        ),
    },
    {
      name: "plan_history",
      columns: ["id", "createdAt", "fromPlan", "toPlan", "source"],
      rows: () =>
        keysetRows<{ id: number }>((after) =>
          db
            .select({ id: planChanges.id, createdAt: planChanges.createdAt, fromPlan: planChanges.fromPlan, toPlan: planChanges.toPlan, source: planChanges.source })
            .from(planChanges)
            .where(and(eq(planChanges.tenantId, tenantId), after ? gt(planChanges.id, after.id) : undefined))
            .orderBy(asc(planChanges.id))
            .limit(BATCH_ROWS),
        ),
    },
  ];
}
