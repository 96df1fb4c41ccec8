"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { getAppUrl } from "@/lib/config/app-url";
import { claimDomain } from "@/lib/domains/claim-domain";
import { removeDomain, updateDomainSettings } from "@/lib/domains/manage-domain";
import { claimDomainSchema, domainIdSchema, domainSettingsSchema } from "@/lib/domains/schemas";
import { checkDomainDns } from "@/lib/domains/verify-domain";
import { requestTenantExport } from "@/lib/exports/request-export";
import type { TenantContext } from "@/lib/tenancy/context";
import { deleteTenant } from "@/lib/tenants/delete-tenant";
import { tenantPath } from "@/lib/tenancy/paths";
import { renameTenant } from "@/lib/tenants/rename-tenant";
import { deleteTenantSchema, renameTenantSchema } from "@/lib/tenants/schemas";

export const renameTenantAction = tenantAction(renameTenantSchema, async (ctx, input) => {
  await renameTenant(ctx, input);
  revalidatePath(tenantPath(ctx.tenant.slug), "layout");
});

export const exportTenantAction = tenantAction(z.object({}).strict(), async (ctx) => {
  await requestTenantExport(ctx, await getAppUrl());
  revalidatePath(`${tenantPath(ctx.tenant.slug)}/settings`);
});

export const deleteTenantAction = tenantAction(deleteTenantSchema, async (ctx, input) => {
  await deleteTenant(ctx, input, await getAppUrl());
  revalidatePath("/", "layout");
  redirect("/account?deleted=1#deleted-workspaces");
});

const refreshSettings = (ctx: TenantContext) => revalidatePath(`${tenantPath(ctx.tenant.slug)}/settings`);

export const claimDomainAction = tenantAction(claimDomainSchema, async (ctx, input) => {
  const domain = await claimDomain(ctx, input);
  refreshSettings(ctx);
  return { domain: domain.domain, verified: domain.verifiedAt !== null };
});

export const checkDomainAction = tenantAction(domainIdSchema, async (ctx, input) => {
  try {
    return { domain: (await checkDomainDns(ctx, input)).domain };
  } finally {
    // A failed check is noted too ("last checked").
    refreshSettings(ctx);
  }
});

export const updateDomainAction = tenantAction(domainSettingsSchema, async (ctx, input) => {
  const domain = await updateDomainSettings(ctx, input);
  refreshSettings(ctx);
  return { domain: domain.domain, mode: domain.mode, role: domain.role };
});

export const removeDomainAction = tenantAction(domainIdSchema, async (ctx, input) => {
  await removeDomain(ctx, input);
  refreshSettings(ctx);
});
