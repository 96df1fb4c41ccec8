"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { requireUser } from "@/lib/session/current-user";
import { toActionError } from "@/lib/actions/action-error";
import { acceptInvitationById, declineInvitationById } from "@/lib/invitations/respond-by-id";
import { clientIp } from "@/lib/request/client-ip";
import { INVITATIONS_PATH, NEW_TENANT_PATH, startPersonalTenant } from "@/lib/tenants/home";
import { tenantPath } from "@/lib/tenancy/paths";

// The invitation's id is bound by the page, so it arrives from the client: the lib
// functions check it is a UUID and one of this user's own open invitations.

async function answer<T>(respond: () => Promise<T>): Promise<{ ok: T } | ActionState> {
  try {
    return { ok: await respond() };
  } catch (error) {
    return toActionError(error);
  }
}

export async function acceptMyInvitationAction(invitationId: string, _previous: ActionState, _form: FormData): Promise<ActionState> {
  const user = await requireUser(INVITATIONS_PATH);
  const result = await answer(async () => acceptInvitationById(user, { invitationId }, await clientIp()));
  if (!("ok" in result)) return result;
  redirect(tenantPath(result.ok.slug));
}

export async function declineMyInvitationAction(invitationId: string, _previous: ActionState, _form: FormData): Promise<ActionState> {
  const user = await requireUser(INVITATIONS_PATH);
  const result = await answer(async () => declineInvitationById(user, { invitationId }, await clientIp()));
  if (!("ok" in result)) return result;
  // Both pages that list invitations show the list without it.
  revalidatePath(INVITATIONS_PATH);
  revalidatePath(NEW_TENANT_PATH);
  return { status: "success", message: "Invitation declined." };
}

/** "Create my own workspace instead": the personal workspace, made only on this explicit choice. */
export async function createOwnWorkspaceAction(): Promise<void> {
  const user = await requireUser(INVITATIONS_PATH);
  redirect(await startPersonalTenant(user));
}
