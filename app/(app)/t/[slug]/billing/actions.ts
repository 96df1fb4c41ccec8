"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { openBillingPortal, startCheckout } from "@/lib/billing/checkout";
import { checkoutSchema, startTrialSchema } from "@/lib/billing/schemas";
import { startTrial } from "@/lib/billing/trials";
import { getAppUrl } from "@/lib/config/app-url";
import { tenantPath } from "@/lib/tenancy/paths";

export const checkoutAction = tenantAction(checkoutSchema, async (ctx, input) => {
  redirect(await startCheckout(ctx, input, await getAppUrl()));
});

export const portalAction = tenantAction(z.object({}), async (ctx) => {
  redirect(await openBillingPortal(ctx, await getAppUrl()));
});

/**
 * Back to the page with ?trial=started, which says so: a toast would not show, as the
 * path does not change. The whole layout is revalidated, for the header's trial banner.
 */
export const startTrialAction = tenantAction(startTrialSchema, async (ctx, input) => {
  await startTrial(ctx, input);
  const billing = tenantPath(ctx.tenant.slug, "billing");
  revalidatePath(tenantPath(ctx.tenant.slug), "layout");
  redirect(`${billing}?trial=started`);
});
