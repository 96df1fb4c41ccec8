"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/define-action";
import { profileSchema } from "@/lib/users/schemas";
import { updateProfile } from "@/lib/users/update-profile";

export const updateProfileAction = userAction(profileSchema, async (user, input) => {
  await updateProfile(user, input);
  revalidatePath("/", "layout");
});
