"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { signOut } from "@/lib/auth/auth";
import { requireUser } from "@/lib/session/current-user";
import { toActionError } from "@/lib/actions/action-error";
import { confirmEmailChange, emailChangePath } from "@/lib/users/change-email";

export async function confirmEmailChangeAction(token: string, _previous: ActionState, _form: FormData): Promise<ActionState> {
  const user = await requireUser(emailChangePath(token));
  try {
    await confirmEmailChange(user, token);
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/", "layout");
  redirect("/account?email-changed=1");
}

/** Signs out and comes back to the link, to sign in to the account that asked for the change. */
export async function switchAccountAction(token: string): Promise<void> {
  await signOut({ redirectTo: emailChangePath(token) });
}
