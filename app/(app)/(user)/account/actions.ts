"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { userAction } from "@/lib/actions/define-action";
import { SESSION_COOKIES } from "@/lib/session/session-cookies";
import { getAppUrl } from "@/lib/config/app-url";
import { requestAccountExport } from "@/lib/exports/request-export";
import { removePasskey, renamePasskey } from "@/lib/passkeys/passkeys";
import { removePasskeySchema, renamePasskeySchema } from "@/lib/passkeys/schemas";
import { clientIp } from "@/lib/request/client-ip";
import { tenantPath } from "@/lib/tenancy/paths";
import { restoreTenant } from "@/lib/tenants/restore-tenant";
import { restoreTenantSchema } from "@/lib/tenants/schemas";
import { removeAvatar, uploadAvatar } from "@/lib/users/avatar";
import { cancelEmailChange, requestEmailChange, type PendingEmailChange } from "@/lib/users/change-email";
import { deleteAccount } from "@/lib/users/delete-account";
import { changeEmailSchema, deleteAccountSchema, profileSchema } from "@/lib/users/schemas";
import { updateProfile } from "@/lib/users/update-profile";

export const updateProfileAction = userAction(profileSchema, async (user, input) => {
  await updateProfile(user, input);
  revalidatePath("/", "layout");
});

/** The picture arrives as a file, which the form's text fields (what the schema sees) leave out. */
export async function uploadAvatarAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const file = formData.get("avatar");
  return userAction(z.object({}), async (user) => {
    await uploadAvatar(user, file);
    revalidatePath("/", "layout");
  })(previous, formData);
}

export const removeAvatarAction = userAction(z.object({}), async (user) => {
  await removeAvatar(user);
  revalidatePath("/", "layout");
});

export const requestEmailChangeAction = userAction(changeEmailSchema, async (user, input): Promise<PendingEmailChange> => {
  const pending = await requestEmailChange(user, input, await getAppUrl());
  revalidatePath("/account");
  return pending;
});

export const cancelEmailChangeAction = userAction(z.object({}), async (user) => {
  await cancelEmailChange(user);
  revalidatePath("/account");
});

export const restoreTenantAction = userAction(restoreTenantSchema, async (user, input) => {
  const { slug } = await restoreTenant(user, input, await clientIp());
  revalidatePath("/", "layout");
  redirect(`${tenantPath(slug)}?restored=1`);
});

export const exportAccountAction = userAction(z.object({}).strict(), async (user) => {
  await requestAccountExport(user, await clientIp(), await getAppUrl());
  revalidatePath("/account");
});

export const deleteAccountAction = userAction(deleteAccountSchema, async (user, input) => {
  await deleteAccount(user, input, await clientIp(), await getAppUrl());
  // The sessions are gone from the database already; the cookie goes too.
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/sign-in?deleted=1");
});

export const renamePasskeyAction = userAction(renamePasskeySchema, async (user, input) => {
  await renamePasskey(user, input);
  revalidatePath("/account");
});

export const removePasskeyAction = userAction(removePasskeySchema, async (user, input) => {
  await removePasskey(user, input);
  revalidatePath("/account");
});
