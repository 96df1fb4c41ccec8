import { z } from "zod";
import { text } from "@/lib/validation/text";
import { slugSchema } from "./slug";

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
