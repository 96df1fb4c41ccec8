import "server-only";
import { and, eq, isNotNull, isNull, notExists, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { memberships, tenantDomains, tenants } from "@/db/schema";
import type { DomainSuggestion } from "./context";

/** The tenant's domain and the tenant, under names no outer query uses. */
export const matchDomain = alias(tenantDomains, "match_domain");
export const matchTenant = alias(tenants, "match_tenant");
const alreadyIn = alias(memberships, "match_already_in");

type UserColumns = { id: AnyPgColumn; email: AnyPgColumn; emailVerified: AnyPgColumn };

/**
 * Where a verified domain of a live tenant is the domain of the user's address, that
 * address is verified, and the user is not a member yet. `user` is the users row of the
 * enclosing query, so each caller reads the address from the database, never a session.
 */
export function domainMatch(user: UserColumns): SQL {
  return and(
    isNotNull(user.emailVerified),
    isNotNull(matchDomain.verifiedAt),
    isNull(matchTenant.deletedAt),
    eq(matchDomain.domain, sql`lower(substring(${user.email} from '@([^@]+)$'))`),
    notExists(
      db
        .select({ one: sql`1` })
        .from(alreadyIn)
        .where(and(eq(alreadyIn.tenantId, matchDomain.tenantId), eq(alreadyIn.userId, user.id))),
    ),
  )!;
}

const parseJson = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as DomainSuggestion[];

/** The user's suggestions as one json column, for a query that already reads their users row (the tenant layout's). */
export function suggestionsColumn(user: UserColumns) {
  return sql`(
    SELECT coalesce(json_agg(json_build_object('tenantId', ${matchDomain.tenantId}, 'tenantName', ${matchTenant.name}, 'domain', ${matchDomain.domain})
                             ORDER BY ${matchTenant.name}, ${matchDomain.tenantId}), '[]'::json)
    FROM ${tenantDomains} ${sql.identifier("match_domain")} JOIN ${tenants} ${sql.identifier("match_tenant")} ON ${matchTenant.id} = ${matchDomain.tenantId}
    WHERE ${domainMatch(user)})`.mapWith(parseJson);
}
