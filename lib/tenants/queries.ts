import "server-only";
import { cache } from "react";
import { and, asc, eq, exists, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, memberships, tenants, users } from "@/db/schema";
import { answerableBy } from "@/lib/invitations/for-user";
import type { Role } from "@/lib/permissions/roles";
import { tenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";

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

export type HomeState = {
  /** The tenant to land in: the last one used while still a member, else the oldest membership. */
  slug: string | null;
  /** Without a tenant: whether invitations wait for the user's verified address. */
  invited: boolean;
  /** Whether the personal tenant of the first visit was made already (and may since have been left). */
  personalTenantMade: boolean;
  /** Without a tenant: whether they joined a still-live tenant by invitation, and so were removed or left. */
  leftLiveTenant: boolean;
};

/**
 * Everything `/` needs to send a signed-in user on, in ONE statement. The invitation
 * lookups run only for a user without a tenant (CASE evaluates its branch lazily),
 * so the usual visit costs an index probe of memberships and nothing more.
 */
export async function findHomeState(userId: string): Promise<HomeState | null> {
  const inLiveTenant = db
    .select({ one: sql`1` })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, users.id), isNull(tenants.deletedAt)));
  const home = db
    .select({ slug: tenants.slug })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, users.id), isNull(tenants.deletedAt)))
    .orderBy(sql`(${tenants.id} = ${users.lastTenantId}) IS TRUE DESC`, asc(memberships.joinedAt))
    .limit(1);
  const pending = db.select({ one: sql`1` }).from(invitations).where(answerableBy(userId));
  const joinedByInvitation = db
    .select({ one: sql`1` })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(and(eq(invitations.acceptedById, userId), isNull(tenants.deletedAt)));
  const withoutTenant = (check: ReturnType<typeof exists>) => sql<boolean>`CASE WHEN NOT ${exists(inLiveTenant)} THEN ${check} ELSE false END`;

  const [row] = await db
    .select({
      slug: sql<string | null>`(${home})`,
      invited: withoutTenant(exists(pending)),
      personalTenantMade: sql<boolean>`${users.personalTenantCreatedAt} IS NOT NULL`,
      leftLiveTenant: withoutTenant(exists(joinedByInvitation)),
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** listTenantsForUser once per request, for the frames around pages (a layout and the 404 both ask). */
export const listTenantsForRequest = cache(listTenantsForUser);
