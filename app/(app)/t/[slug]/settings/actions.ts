"use server";

import { revalidatePath } from "next/cache";
import { tenantAction } from "@/lib/actions/define-action";
import { tenantPath } from "@/lib/tenants/paths";
import { renameTenant } from "@/lib/tenants/rename-tenant";
import { renameTenantSchema } from "@/lib/tenants/schemas";

export const renameTenantAction = tenantAction(renameTenantSchema, async (ctx, input) => {
  await renameTenant(ctx, input);
  revalidatePath(tenantPath(ctx.tenant.slug), "layout");
});
