import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { inviteLinks } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { MANAGE_INVITE_LINKS_DENIED } from "./invite-links";
import { inviteLinkIdSchema, type InviteLinkIdInput } from "./schemas";

const UNKNOWN = "Unknown invite link.";

/**
 * Stops a link at once; whoever joined through it stays a member. Another tenant's link,
 * or none, is not found. Revoking it again changes nothing and records nothing.
 */
export async function revokeInviteLink(ctx: TenantContext, input: InviteLinkIdInput): Promise<void> {
  assertCan(ctx, "invitations.manage", MANAGE_INVITE_LINKS_DENIED);
  const { linkId } = parseOrThrow(inviteLinkIdSchema, input, UNKNOWN);
  await tenantTransaction(ctx, async (scope) => {
    const link = await scope.getOrThrow(inviteLinks, eq(inviteLinks.id, linkId), UNKNOWN);
    if (link.revokedAt) return;
    const [revoked] = await scope.update(inviteLinks, { revokedAt: new Date() }, and(eq(inviteLinks.id, linkId), isNull(inviteLinks.revokedAt))!);
    if (!revoked) return;
    await logActivity(scope, {
      action: "invite_link.revoked",
      target: { type: "invite_link", id: revoked.id, label: null },
      metadata: { role: revoked.role, uses: revoked.uses },
    });
  });
}
