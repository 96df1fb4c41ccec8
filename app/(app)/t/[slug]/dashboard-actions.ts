"use server";

import { revalidatePath } from "next/cache";
import { dismissOnboarding } from "@/lib/dashboard/dashboard";
import { tenantPath } from "@/lib/tenancy/paths";
import { requireTenant } from "@/lib/tenancy/require-tenant";

/** Hides the getting-started list for the signed-in member of this workspace. */
export async function dismissOnboardingAction(slug: string): Promise<void> {
  const ctx = await requireTenant(slug);
  await dismissOnboarding(ctx);
  revalidatePath(tenantPath(ctx.tenant.slug));
}
