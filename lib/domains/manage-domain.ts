import "server-only";
import { eq } from "drizzle-orm";
import { tenantDomains } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { NotFoundError, UserError } from "@/lib/errors";
import { assertCan, grantableRoles } from "@/lib/permissions/permissions";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { getDomainOrThrow, MANAGE_DOMAINS_DENIED, toTenantDomain } from "./domains";
import { domainSettingsSchema, type DomainIdInput, type DomainSettingsInput } from "./schemas";
import type { TenantDomain } from "./types";

/** Roles `granter` may give people who join by domain: what they may grant anyway, never owner. */
export function domainJoinRoles(granter: Role): Role[] {
  return grantableRoles(granter).filter((role) => role !== "owner");
}

/** How people at a verified domain join (suggested or automatically) and with which role. */
export async function updateDomainSettings(ctx: TenantContext, input: DomainSettingsInput): Promise<TenantDomain> {
  assertCan(ctx, "domains.manage", MANAGE_DOMAINS_DENIED);
  const { domainId, mode, role } = parseOrThrow(domainSettingsSchema, input);
  const allowed = domainJoinRoles(ctx.role);
  if (!allowed.includes(role)) {
    throw new UserError("You cannot give that role.", { role: [`People joining by domain can be ${allowed.map((r) => ROLE_LABELS[r]).join(" or ")}.`] });
  }
  return tenantTransaction(ctx, async (scope) => {
    const row = await getDomainOrThrow(scope, { domainId });
    if (!row.verifiedAt) throw new UserError(`Verify ${row.domain} first: until then, nobody joins through it.`);
    if (row.mode === mode && row.role === role) return toTenantDomain(row);
    const [updated] = await scope.update(tenantDomains, { mode, role }, eq(tenantDomains.id, row.id));
    await logActivity(scope, { action: "domain.mode_changed", target: { type: "domain", id: row.id, label: row.domain }, metadata: { mode, role } });
    return toTenantDomain(updated!);
  });
}

/** Removes a claimed domain: nobody new joins through it; who joined stays a member. */
export async function removeDomain(ctx: TenantContext, input: DomainIdInput): Promise<void> {
  assertCan(ctx, "domains.manage", MANAGE_DOMAINS_DENIED);
  await tenantTransaction(ctx, async (scope) => {
    const row = await getDomainOrThrow(scope, input);
    const [removed] = await scope.delete(tenantDomains, eq(tenantDomains.id, row.id));
    if (!removed) throw new NotFoundError("Unknown domain.");
    await logActivity(scope, { action: "domain.removed", target: { type: "domain", id: row.id, label: row.domain } });
  });
}
