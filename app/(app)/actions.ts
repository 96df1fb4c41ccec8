"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/define-action";
import { signOut } from "@/lib/auth/auth";
import { clientIp } from "@/lib/request/client-ip";
import { createTenant } from "@/lib/tenants/create-tenant";
import { tenantPath } from "@/lib/tenancy/paths";
import { createTenantSchema } from "@/lib/tenants/schemas";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export const createTenantAction = userAction(createTenantSchema, async (user, input) => {
  const tenant = await createTenant(user, input, await clientIp());
  redirect(tenantPath(tenant.slug));
});
