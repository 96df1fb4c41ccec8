import "server-only";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { isUniqueViolation } from "@/db/errors";
import { tenantDomains, users } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { ANOTHER_WORKSPACE_TEXT, MANAGE_DOMAINS_DENIED, toTenantDomain } from "./domains";
import { isPublicEmailDomain } from "./public-domains";
import { claimDomainSchema, normaliseDomain, type ClaimDomainInput } from "./schemas";
import { newVerificationToken } from "./token";
import type { TenantDomain } from "./types";
import { emailDomainOf } from "./verification";

const refused = (message: string) => new UserError(message, { domain: [message] });

const duplicate = (domain: string) => refused(`${domain} is already on this workspace's list.`);

/**
 * Claims a domain for the workspace. It is verified at once when the claimer is signed in
 * with a verified address at exactly that domain (as read from the database now, not from
 * the session); otherwise it waits for its DNS record (./verify-domain.ts).
 */
export async function claimDomain(ctx: TenantContext, input: ClaimDomainInput): Promise<TenantDomain> {
  assertCan(ctx, "domains.manage", MANAGE_DOMAINS_DENIED);
  const { domain } = parseOrThrow(claimDomainSchema, input);
  if (isPublicEmailDomain(domain)) {
    throw refused(`${domain} is a public email provider: anyone can have an address there. Claim a domain your organisation owns.`);
  }
  try {
    return await tenantTransaction(ctx, async (scope) => {
      // Across tenants on purpose: whether anyone else holds it verified, without saying who.
      const [taken] = await scope.tx
        .select({ id: tenantDomains.id })
        .from(tenantDomains)
        .where(and(eq(tenantDomains.domain, domain), isNotNull(tenantDomains.verifiedAt), ne(tenantDomains.tenantId, ctx.tenant.id)))
        .limit(1);
      if (taken) throw refused(ANOTHER_WORKSPACE_TEXT);
      if (await scope.findFirst(tenantDomains, eq(tenantDomains.domain, domain))) throw duplicate(domain);

      const [me] = await scope.tx.select({ email: users.email, emailVerified: users.emailVerified }).from(users).where(eq(users.id, ctx.user.id));
      const emailDomain = emailDomainOf(me?.email);
      const byEmail = Boolean(me?.emailVerified) && emailDomain !== null && normaliseDomain(emailDomain) === domain;
      const [row] = await scope.insert(tenantDomains, {
        domain,
        verificationToken: newVerificationToken(),
        createdById: ctx.user.id,
        ...(byEmail ? { verifiedAt: new Date(), verifiedBy: "email" as const } : {}),
      });
      const target = { type: "domain" as const, id: row!.id, label: domain };
      await logActivity(scope, { action: "domain.added", target });
      if (byEmail) await logActivity(scope, { action: "domain.verified", target, metadata: { method: "email" } });
      return toTenantDomain(row!);
    });
  } catch (error) {
    // Claimed or verified by someone else at the same moment: the indexes decide.
    if (isUniqueViolation(error, "tenant_domains_verified_domain_key")) throw refused(ANOTHER_WORKSPACE_TEXT);
    if (isUniqueViolation(error, "tenant_domains_tenant_domain_key")) throw duplicate(domain);
    throw error;
  }
}
