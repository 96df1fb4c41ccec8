"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/define-action";
import { flashToast } from "@/lib/actions/flash";
import { joinSuggestionSchema } from "@/lib/domains/schemas";
import { joinSuggestedTenant } from "@/lib/domains/suggestions";
import { clientIp } from "@/lib/request/client-ip";
import { tenantPath } from "@/lib/tenancy/paths";

/** Joins a workspace suggested by the user's verified email domain, and opens it. */
export const joinSuggestedTenantAction = userAction(joinSuggestionSchema, async (user, input) => {
  const { slug, tenantName } = await joinSuggestedTenant(user, input.tenantId, await clientIp());
  await flashToast(`You joined ${tenantName}.`);
  revalidatePath("/", "layout");
  redirect(tenantPath(slug));
});
