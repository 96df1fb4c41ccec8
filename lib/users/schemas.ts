import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { text } from "@/lib/validation/text";

export const profileSchema = z.object({
  name: text({ max: 80, required: "Enter your name.", invalidType: "Enter your name." }),
});
export type ProfileInput = z.input<typeof profileSchema>;

/** Deleting an account asks for its email address, typed. */
export const deleteAccountSchema = z.object({
  confirmEmail: text({ max: 320, required: "Type your email address to confirm.", invalidType: "Type your email address to confirm." }),
});
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;

/** A new sign-in address: the sign-in form's rule (lower-cased, one plain address). */
export const changeEmailSchema = z.object({ email: emailSchema });
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;
