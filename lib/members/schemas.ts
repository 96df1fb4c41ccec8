import { z } from "zod";
import { ROLES } from "@/lib/permissions/roles";
import { text } from "@/lib/validation/text";

export const roleSchema = z.enum(ROLES, { error: "Choose a role." });

export const memberTargetSchema = z.object({
  userId: text({ max: 255, required: "Choose a member.", invalidType: "Choose a member." }),
});

export const changeRoleSchema = memberTargetSchema.extend({ role: roleSchema });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
