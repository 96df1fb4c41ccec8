import { z } from "zod";
import { text } from "@/lib/validation/text";
import { API_SCOPE_IDS } from "./scopes";

export const EXPIRY_CHOICES = ["never", "30", "90", "365"] as const;

export const createApiKeySchema = z.object({
  name: text({ max: 60, required: "Name the key after what uses it.", invalidType: "Name the key after what uses it." }),
  // Form checkboxes send one value per box; the API may send an array.
  scopes: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(API_SCOPE_IDS as [string, ...string[]], { error: "Unknown scope." })).min(1, { error: "Choose at least one scope." }),
  ),
  expiresInDays: z.enum(EXPIRY_CHOICES, { error: "Choose when it expires." }).default("never"),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
