import type { inviteLinks } from "@/db/schema";
import { can, canGrant } from "@/lib/permissions/permissions";
import type { Role } from "@/lib/permissions/roles";

/**
 * What a link is now. `inactive`: its creator left or can no longer give its role, so it
 * stopped working (it works again if they get that right back, until it expires).
 */
export type InviteLinkStatus = "live" | "expired" | "used_up" | "revoked" | "inactive";

/** A link lets people in only while whoever made it may still invite with its role. */
export function creatorMayGrant(creatorRole: Role | null, role: Role): boolean {
  return creatorRole !== null && can(creatorRole, "invitations.manage") && canGrant(creatorRole, role);
}

export function statusOf(
  link: Pick<typeof inviteLinks.$inferSelect, "role" | "revokedAt" | "expiresAt" | "uses" | "maxUses">,
  creatorRole: Role | null,
  now = Date.now(),
): InviteLinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.maxUses !== null && link.uses >= link.maxUses) return "used_up";
  if (link.expiresAt.getTime() <= now) return "expired";
  if (!creatorMayGrant(creatorRole, link.role)) return "inactive";
  return "live";
}

