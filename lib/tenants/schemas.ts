import { z } from "zod";
import { slugSchema } from "./slug";

export const tenantNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter a name." })
  .max(64, { error: "Use at most 64 characters." });

export const createTenantSchema = z.object({
  name: tenantNameSchema,
  slug: slugSchema,
});
export type CreateTenantInput = z.input<typeof createTenantSchema>;

export const renameTenantSchema = z.object({
  name: tenantNameSchema,
});
export type RenameTenantInput = z.input<typeof renameTenantSchema>;
