import "server-only";
import { asc, eq } from "drizzle-orm";
import { tenantDomains } from "@/db/schema";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantScope, type TenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { domainIdSchema, type DomainIdInput } from "./schemas";
import type { TenantDomain } from "./types";
import { txtRecordOf } from "./verification";

export type DomainRow = typeof tenantDomains.$inferSelect;

export const MANAGE_DOMAINS_DENIED = "Only owners and admins can manage verified domains.";

export const ANOTHER_WORKSPACE_TEXT = "This domain is already verified by another workspace.";

export function toTenantDomain(row: DomainRow): TenantDomain {
  return {
    id: row.id,
    domain: row.domain,
    verifiedAt: row.verifiedAt,
    verifiedBy: row.verifiedBy,
    mode: row.mode,
    role: row.role,
    createdAt: row.createdAt,
    lastCheckedAt: row.lastCheckedAt,
    txt: txtRecordOf(row.domain, row.verificationToken),
  };
}

/** The workspace's claimed domains, verified or pending, in the order they were claimed. */
export async function listDomains(ctx: TenantContext): Promise<TenantDomain[]> {
  assertCan(ctx, "domains.manage", MANAGE_DOMAINS_DENIED);
  const rows = await tenantScope(ctx).findMany(tenantDomains, { orderBy: [asc(tenantDomains.createdAt), asc(tenantDomains.domain)] });
  return rows.map(toTenantDomain);
}

/** One of the workspace's domains by id; another workspace's, or none, is a NotFoundError. */
export async function getDomainOrThrow(scope: TenantScope, input: DomainIdInput): Promise<DomainRow> {
  const { domainId } = parseOrThrow(domainIdSchema, input, "Unknown domain.");
  return scope.getOrThrow(tenantDomains, eq(tenantDomains.id, domainId), "Unknown domain.");
}
