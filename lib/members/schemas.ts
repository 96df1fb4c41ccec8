import { z } from "zod";
import { ROLES } from "@/lib/permissions/roles";

export const roleSchema = z.enum(ROLES, { error: "Choose a role." });

export const memberTargetSchema = z.object({
  userId: z.string().min(1, { error: "Choose a member." }),
});

export const changeRoleSchema = memberTargetSchema.extend({ role: roleSchema });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
