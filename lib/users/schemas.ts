import { z } from "zod";
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
