import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { roleSchema } from "@/lib/members/schemas";

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteInput = z.input<typeof inviteSchema>;

export const invitationIdSchema = z.object({ invitationId: z.uuid({ error: "Unknown invitation." }) });
