import { z } from "zod";
import type { invitations } from "@/db/schema";
import { ROLES } from "@/lib/permissions/roles";

export const INVITATION_STATUSES = ["pending", "expired", "accepted", "declined", "revoked"] as const;

/** An invitation as the API and webhooks show it; never its link. */
export const invitationResource = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(INVITATION_STATUSES),
  expires_at: z.iso.datetime(),
  created_at: z.iso.datetime(),
});
export type InvitationResource = z.infer<typeof invitationResource>;

type InvitationRow = Pick<typeof invitations.$inferSelect, "id" | "email" | "role" | "expiresAt" | "createdAt"> &
  Partial<Pick<typeof invitations.$inferSelect, "acceptedAt" | "declinedAt" | "revokedAt">>;

export function toInvitationResource(invitation: InvitationRow, now = Date.now()): InvitationResource {
  const status = invitation.acceptedAt
    ? "accepted"
    : invitation.declinedAt
      ? "declined"
      : invitation.revokedAt
        ? "revoked"
        : invitation.expiresAt.getTime() <= now
          ? "expired"
          : "pending";
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status,
    expires_at: invitation.expiresAt.toISOString(),
    created_at: invitation.createdAt.toISOString(),
  };
}
