import { z } from "zod";
import { text } from "@/lib/validation/text";

/** A credential id as WebAuthn gives it: base64 as Auth.js stores it. */
export const credentialIdSchema = z.string().regex(/^[A-Za-z0-9+/=_-]{1,1400}$/, "That passkey was not found.");

export const renamePasskeySchema = z.object({
  credentialId: credentialIdSchema,
  name: text({ max: 60, required: "Give the passkey a name.", invalidType: "Give the passkey a name." }),
});
export type RenamePasskeyInput = z.input<typeof renamePasskeySchema>;

export const removePasskeySchema = z.object({ credentialId: credentialIdSchema });
export type RemovePasskeyInput = z.input<typeof removePasskeySchema>;
