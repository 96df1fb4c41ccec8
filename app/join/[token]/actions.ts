"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { flashToast } from "@/lib/actions/flash";
import { requireUser } from "@/lib/session/current-user";
import { toActionError } from "@/lib/actions/action-error";
import { joinByInviteLink, type InviteLinkJoin } from "@/lib/invite-links/join-by-link";
import { inviteLinkPath } from "@/lib/invite-links/token";
import { TenantFullError } from "@/lib/plans/limits";
import { clientIp } from "@/lib/request/client-ip";
import { tenantPath } from "@/lib/tenancy/paths";
import { isLinkToken } from "@/lib/security/link-token";

/** Joins the workspace of the link in the URL, and opens it with a welcome. */
export async function joinByLinkAction(token: string, _previous: ActionState, _form: FormData): Promise<ActionState> {
  const user = await requireUser(isLinkToken(token) ? inviteLinkPath(token) : "/");
  let joined: InviteLinkJoin;
  try {
    joined = await joinByInviteLink(user, token, await clientIp());
  } catch (error) {
    if (error instanceof TenantFullError) {
      return { status: "error", message: `${error.tenantName} has no free seats on its plan. Ask an owner to upgrade.` };
    }
    // The link's own refusals as they are; the database down or a bug: a message, nothing joined, details in the log.
    return toActionError(error);
  }
  const { name, slug } = joined.tenant;
  await flashToast(joined.alreadyMember ? `You are already a member of ${name}.` : `Welcome to ${name}.`);
  revalidatePath("/", "layout");
  redirect(tenantPath(slug));
}
