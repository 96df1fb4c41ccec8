import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { isUniqueViolation } from "@/db/errors";
import { tenantDomains } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { resolveTxt } from "@/lib/dns/resolve";
import { NotFoundError, UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantScope, tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { ANOTHER_WORKSPACE_TEXT, getDomainOrThrow, MANAGE_DOMAINS_DENIED, toTenantDomain, type DomainRow } from "./domains";
import type { DomainIdInput } from "./schemas";
import type { TenantDomain } from "./types";
import { txtRecordOf } from "./verification";

/** Whether the domain's TXT record holds its token; a record may come in chunks, which count joined. */
async function txtRecordFound(row: DomainRow): Promise<boolean> {
  const { name, value } = txtRecordOf(row.domain, row.verificationToken);
  let records: string[][];
  try {
    records = await resolveTxt(name);
  } catch (error) {
    console.error(`TXT lookup of ${name} failed`, error);
    throw new UserError(`We could not look up ${name} just now: the DNS server did not answer. Try again in a moment.`);
  }
  return records.some((chunks) => chunks.join("").trim() === value);
}

/**
 * Looks up the domain's TXT record and, when it holds the token, marks the domain verified.
 * A failed check only notes when it was made, and says what was looked for where.
 */
export async function checkDomainDns(ctx: TenantContext, input: DomainIdInput): Promise<TenantDomain> {
  assertCan(ctx, "domains.manage", MANAGE_DOMAINS_DENIED);
  const row = await getDomainOrThrow(tenantScope(ctx), input);
  if (row.verifiedAt) return toTenantDomain(row);
  let found: boolean;
  try {
    found = await txtRecordFound(row);
  } finally {
    await tenantScope(ctx).update(tenantDomains, { lastCheckedAt: new Date() }, eq(tenantDomains.id, row.id));
  }
  if (!found) {
    const { name, value } = txtRecordOf(row.domain, row.verificationToken);
    throw new UserError(`No TXT record ${value} at ${name} yet. DNS changes can take a while.`);
  }
  return markVerified(ctx, row, "dns");
}

async function markVerified(ctx: TenantContext, row: DomainRow, method: "dns" | "email"): Promise<TenantDomain> {
  try {
    return await tenantTransaction(ctx, async (scope) => {
      const [verified] = await scope.update(
        tenantDomains,
        { verifiedAt: new Date(), verifiedBy: method },
        and(eq(tenantDomains.id, row.id), isNull(tenantDomains.verifiedAt))!,
      );
      if (!verified) {
        // Verified by a parallel check, or removed meanwhile.
        const current = await scope.findFirst(tenantDomains, eq(tenantDomains.id, row.id));
        if (!current) throw new NotFoundError("Unknown domain.");
        return toTenantDomain(current);
      }
      await logActivity(scope, { action: "domain.verified", target: { type: "domain", id: row.id, label: row.domain }, metadata: { method } });
      return toTenantDomain(verified);
    });
  } catch (error) {
    if (isUniqueViolation(error, "tenant_domains_verified_domain_key")) throw new UserError(ANOTHER_WORKSPACE_TEXT);
    throw error;
  }
}
