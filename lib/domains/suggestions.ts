import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { memberships, tenants, users } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { joinTenant } from "@/lib/members/join-tenant";
import type { Role } from "@/lib/permissions/roles";
import { assertSeatAvailable } from "@/lib/plans/limits";
import { parseOrThrow } from "@/lib/validation";
import { domainMatch, matchDomain, matchTenant } from "@/lib/tenancy/domain-suggestions";
import { joinSuggestionSchema } from "./schemas";
import type { DomainSuggestion } from "@/lib/tenancy/context";
import type { DomainJoinMode } from "./types";

export const NOT_OPEN_TEXT =
  "You can't join this workspace through your email's domain: your address must be verified and at a domain the workspace has verified. Ask one of its admins for an invitation.";

export type DomainMatch = DomainSuggestion & {
  tenantSlug: string;
  mode: DomainJoinMode;
  role: Role;
  user: { id: string; name: string | null; email: string | null };
};

/**
 * The tenants the user may join through their verified address's domain, as the database
 * says now. `lock` (in a transaction) holds each domain row until it commits, so a domain
 * removed or changed meanwhile waits for the join rather than being joined through after.
 */
export async function findDomainMatches(
  executor: Executor,
  userId: string,
  filter: { tenantId?: string; mode?: DomainJoinMode; lock?: boolean } = {},
): Promise<DomainMatch[]> {
  const query = executor
    .select({
      tenantId: matchDomain.tenantId,
      tenantName: matchTenant.name,
      tenantSlug: matchTenant.slug,
      domain: matchDomain.domain,
      mode: matchDomain.mode,
      role: matchDomain.role,
      userName: users.name,
      userEmail: users.email,
    })
    .from(matchDomain)
    .innerJoin(matchTenant, eq(matchTenant.id, matchDomain.tenantId))
    .innerJoin(users, eq(users.id, userId))
    .where(
      and(
        domainMatch(users),
        filter.tenantId ? eq(matchDomain.tenantId, filter.tenantId) : undefined,
        filter.mode ? eq(matchDomain.mode, filter.mode) : undefined,
      ),
    )
    .orderBy(asc(matchTenant.name), asc(matchDomain.tenantId))
    .$dynamic();
  const rows = await (filter.lock ? query.for("share", { of: matchDomain }) : query);
  return rows.map(({ userName, userEmail, ...row }) => ({ ...row, user: { id: userId, name: userName, email: userEmail } }));
}

/** Workspaces the user may join through their verified email's domain, in one statement; none while their address is unverified. */
export async function listDomainSuggestions(userId: string): Promise<DomainSuggestion[]> {
  const matches = await findDomainMatches(db, userId);
  return matches.map(({ tenantId, tenantName, domain }) => ({ tenantId, tenantName, domain }));
}

/**
 * Joins a suggested workspace with the role its domain gives, after checking again, in
 * one transaction, that the user may (verified address at a verified domain of a live
 * workspace) and that a seat is free (else TenantFullError). Already a member: nothing
 * changes and the workspace is returned, so a second click lands there too.
 */
export async function joinSuggestedTenant(user: { id: string }, tenantId: string, ip: string | null = null): Promise<{ slug: string; tenantName: string }> {
  const input = parseOrThrow(joinSuggestionSchema, { tenantId }, "Unknown workspace.");
  return db.transaction(async (tx) => {
    const [match] = await findDomainMatches(tx, user.id, { tenantId: input.tenantId, lock: true });
    if (!match) {
      const [member] = await tx
        .select({ slug: tenants.slug, name: tenants.name })
        .from(memberships)
        .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
        .where(and(eq(memberships.tenantId, input.tenantId), eq(memberships.userId, user.id)));
      if (member) return { slug: member.slug, tenantName: member.name };
      throw new UserError(NOT_OPEN_TEXT);
    }
    await assertSeatAvailable(tx, match.tenantId);
    await joinTenant(tx, { tenantId: match.tenantId, user: match.user, role: match.role, ip, route: { via: "domain", domain: match.domain } });
    return { slug: match.tenantSlug, tenantName: match.tenantName };
  });
}
