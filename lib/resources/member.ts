import { z } from "zod";
import { ROLES, type Role } from "@/lib/permissions/roles";

/** A member of a workspace as the API and webhooks show it. */
export const memberResource = z.object({
  user_id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  joined_at: z.iso.datetime(),
});
export type MemberResource = z.infer<typeof memberResource>;

export function toMemberResource(member: { userId: string; name: string | null; email: string | null; role: Role; joinedAt: Date }): MemberResource {
  return { user_id: member.userId, name: member.name, email: member.email, role: member.role, joined_at: member.joinedAt.toISOString() };
}
