"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { openBillingPortal, startCheckout } from "@/lib/billing/checkout";
import { checkoutSchema } from "@/lib/billing/schemas";
import { getAppUrl } from "@/lib/config/app-url";

export const checkoutAction = tenantAction(checkoutSchema, async (ctx, input) => {
  redirect(await startCheckout(ctx, input, await getAppUrl()));
});

export const portalAction = tenantAction(z.object({}), async (ctx) => {
  redirect(await openBillingPortal(ctx, await getAppUrl()));
});
