import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { userLabel } from "@/lib/activity/record";
import { configuredAppUrl } from "@/lib/config/app-url";
import { sendEmail } from "@/lib/email/send-email";
import { domainJoinedEmail } from "@/lib/email/templates/domain-joined";
import { joinTenant } from "@/lib/members/join-tenant";
import type { Role } from "@/lib/permissions/roles";
import { assertSeatAvailable, TenantFullError } from "@/lib/plans/limits";
import { tenantPath } from "@/lib/tenancy/paths";
import { findDomainMatches, type DomainMatch } from "./suggestions";

export type DomainJoin = { tenantId: string; tenantName: string; tenantSlug: string; domain: string; role: Role };

async function mailOwners(tx: Executor, match: DomainMatch, appUrl: string): Promise<void> {
  const owners = await tx
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, match.tenantId), eq(memberships.role, "owner")));
  const message = domainJoinedEmail({
    memberName: userLabel(match.user) ?? "Someone",
    tenantName: match.tenantName,
    domain: match.domain,
    role: match.role,
    url: `${appUrl}${tenantPath(match.tenantSlug, "members")}`,
  });
  for (const owner of owners) if (owner.email) await sendEmail({ to: owner.email, ...message }, { executor: tx });
}

/**
 * Joins the user to every live workspace that lets people at their verified address's
 * domain in automatically (the address as the database has it now). Each join is its own
 * transaction: the seat check, the membership with `member.joined`, and a mail to each
 * owner. A full workspace is skipped and stays a suggestion. For Auth.js's `signIn` event.
 */
export async function joinVerifiedDomainTenants(
  userId: string,
  ip: string | null = null,
  appUrl: string = configuredAppUrl() ?? "http://localhost:3000",
): Promise<DomainJoin[]> {
  const candidates = await findDomainMatches(db, userId, { mode: "automatic" });
  const joined: DomainJoin[] = [];
  for (const candidate of candidates) {
    try {
      const match = await db.transaction(async (tx) => {
        const [current] = await findDomainMatches(tx, userId, { tenantId: candidate.tenantId, mode: "automatic", lock: true });
        if (!current) return null;
        await assertSeatAvailable(tx, current.tenantId);
        const added = await joinTenant(tx, { tenantId: current.tenantId, user: current.user, role: current.role, ip, route: { via: "domain", domain: current.domain } });
        if (!added) return null;
        await mailOwners(tx, current, appUrl);
        return current;
      });
      if (match) joined.push({ tenantId: match.tenantId, tenantName: match.tenantName, tenantSlug: match.tenantSlug, domain: match.domain, role: match.role });
    } catch (error) {
      if (error instanceof TenantFullError) continue;
      throw error;
    }
  }
  return joined;
}
