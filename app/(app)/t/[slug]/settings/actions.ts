"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { getAppUrl } from "@/lib/config/app-url";
import { requestTenantExport } from "@/lib/exports/request-export";
import { deleteTenant } from "@/lib/tenants/delete-tenant";
import { tenantPath } from "@/lib/tenants/paths";
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
