"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { signOut } from "@/lib/auth/auth";
import { requireUser } from "@/lib/session/current-user";
import { toActionError } from "@/lib/actions/action-error";
import { invitationPath } from "@/lib/invitations/token";
import { acceptInvitation, declineInvitation } from "@/lib/invitations/respond";
import { clientIp } from "@/lib/request/client-ip";
import { tenantPath } from "@/lib/tenancy/paths";

async function answer(respond: () => Promise<string>): Promise<ActionState> {
  let next: string;
  try {
    next = await respond();
  } catch (error) {
    return toActionError(error);
  }
  redirect(next);
}

export async function acceptInvitationAction(token: string, _previous: ActionState, _form: FormData): Promise<ActionState> {
  const user = await requireUser(invitationPath(token));
  return answer(async () => tenantPath((await acceptInvitation(user, token, await clientIp())).slug));
}

export async function declineInvitationAction(token: string, _previous: ActionState, _form: FormData): Promise<ActionState> {
  const user = await requireUser(invitationPath(token));
  return answer(async () => {
    await declineInvitation(user, token, await clientIp());
    return "/";
  });
}

/** Signs out and comes back to the invitation, to sign in with the invited address. */
export async function switchAccountAction(token: string): Promise<void> {
  await signOut({ redirectTo: invitationPath(token) });
}
