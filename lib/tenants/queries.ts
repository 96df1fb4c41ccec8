import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, tenants, users } from "@/db/schema";
import type { Role } from "@/lib/permissions/roles";
import { tenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "./context";

export type UserTenant = { id: string; slug: string; name: string; role: Role };

/** Every tenant the user belongs to, by name. */
export async function listTenantsForUser(userId: string): Promise<UserTenant[]> {
  return db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), isNull(tenants.deletedAt)))
    .orderBy(asc(tenants.name), asc(tenants.slug));
}

export async function countMembers(ctx: TenantContext): Promise<number> {
  return tenantScope(ctx).count(memberships);
}

/** The slug of the tenant the user used last, if they still belong to it, else their oldest. */
export async function findHomeTenantSlug(userId: string): Promise<string | null> {
  const rows = await db
    .select({ id: tenants.id, slug: tenants.slug, lastTenantId: users.lastTenantId })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), isNull(tenants.deletedAt)))
    .orderBy(asc(memberships.joinedAt));
  const last = rows.find((r) => r.id === r.lastTenantId);
  return (last ?? rows[0])?.slug ?? null;
}
