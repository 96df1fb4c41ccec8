import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { prepared } from "@/db/prepared";
import { memberships, sessions, tenants, users } from "@/db/schema";
import { liveSession, sessionUserColumns } from "@/lib/session/session";
import { suggestionsColumn } from "./domain-suggestions";
import type { Role } from "@/lib/permissions/roles";
import type { DomainSuggestion, SessionUser, Tenant, TenantOption } from "./context";

export type TenantRequest = {
  user: SessionUser;
  /** The tenant the user opened last, as stored: the layout writes only when it changes. */
  lastTenantId: string | null;
  /** Every tenant the user belongs to, by name, for the selector. */
  tenants: TenantOption[];
  /** The tenant of the URL and the user's role in it; null when they are not a member. */
  membership: { tenant: Tenant; role: Role } | null;
  /** Workspaces the user may join through their verified email's domain; none while it is unverified. */
  suggestions: DomainSuggestion[];
};

const bySlug = alias(tenants, "by_slug");
const myMemberships = alias(memberships, "my_memberships");
const myTenants = alias(tenants, "my_tenants");
/** `FROM` text for an alias: drizzle writes an aliased table as its alias alone. */
const aliased = (table: typeof tenants | typeof memberships, as: string) => sql`${table} ${sql.identifier(as)}`;

const parseJson = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as TenantOption[];

const tenantRequest = prepared((db) =>
  db
    .select({
      user: sessionUserColumns,
      lastTenantId: users.lastTenantId,
      tenant: tenants,
      role: memberships.role,
      tenants: sql`(
        SELECT coalesce(json_agg(json_build_object('slug', ${myTenants.slug}, 'name', ${myTenants.name}, 'role', ${myMemberships.role})
                                 ORDER BY ${myTenants.name}, ${myTenants.slug}), '[]'::json)
        FROM ${aliased(memberships, "my_memberships")} JOIN ${aliased(tenants, "my_tenants")} ON ${myTenants.id} = ${myMemberships.tenantId}
        WHERE ${myMemberships.userId} = ${users.id} AND ${myTenants.deletedAt} IS NULL)`.mapWith(parseJson),
      suggestions: suggestionsColumn(users),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.userId, users.id),
        eq(memberships.tenantId, sql`(SELECT ${bySlug.id} FROM ${aliased(tenants, "by_slug")} WHERE ${bySlug.slug} = ${sql.placeholder("slug")})`),
      ),
    )
    .leftJoin(tenants, and(eq(tenants.id, memberships.tenantId), isNull(tenants.deletedAt)))
    .where(liveSession())
    .limit(1)
    .prepare("tenant_request"),
  { onServer: true },
);

/**
 * Everything a tenant page needs before its own data, in ONE statement: the live
 * session → its user → the tenant of the slug → the user's membership in it, and
 * the user's tenants for the selector, and the ones their verified email's domain lets
 * them join. Null when the session is unknown or expired.
 * A tenant the user is not a member of (or that is deleted) gives no tenant row at
 * all, so nothing about it can reach the caller.
 */
export async function loadTenantRequest(sessionToken: string, slug: string): Promise<TenantRequest | null> {
  const [row] = await tenantRequest({ sessionToken, slug });
  if (!row) return null;
  return {
    user: row.user,
    lastTenantId: row.lastTenantId,
    tenants: row.tenants,
    membership: row.tenant && row.role ? { tenant: row.tenant, role: row.role } : null,
    suggestions: row.suggestions,
  };
}
