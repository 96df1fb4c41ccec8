import { z } from "zod";
import { text } from "@/lib/validation/text";
import { slugSchema } from "@/lib/tenancy/slug";

export const tenantNameSchema = text({ max: 64, required: "Enter a name.", invalidType: "Enter a name." });

export const createTenantSchema = z.object({
  name: tenantNameSchema,
  slug: slugSchema,
});
export type CreateTenantInput = z.input<typeof createTenantSchema>;

export const renameTenantSchema = z.object({
  name: tenantNameSchema,
});
export type RenameTenantInput = z.input<typeof renameTenantSchema>;

/** Deleting asks for the workspace's name, typed: a slip of the mouse deletes nothing. */
export const deleteTenantSchema = z.object({
  confirmName: text({ max: 200, required: "Type the name to confirm.", invalidType: "Type the name to confirm." }),
});
export type DeleteTenantInput = z.input<typeof deleteTenantSchema>;

export const restoreTenantSchema = z.object({
  tenantId: z.uuid({ error: "Choose a workspace to restore." }),
});
