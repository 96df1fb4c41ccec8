import "server-only";
import { inviteLinks } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { PermissionDeniedError } from "@/lib/errors";
import { assertCan, canGrant, grantableRoles } from "@/lib/permissions/permissions";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { MANAGE_INVITE_LINKS_DENIED, type InviteLink } from "./invite-links";
import { createInviteLinkSchema, type CreateInviteLinkInput } from "./schemas";
import { inviteLinkPath } from "./token";
import { newLinkToken } from "@/lib/security/link-token";

const DAY = 24 * 60 * 60 * 1000;

export type CreatedInviteLink = { link: Omit<InviteLink, "tokenHash">; token: string; url: string };

/**
 * Makes a shareable link that lets anyone signed in join with `role` (no higher than the
 * creator's own) until it expires or is used `maxUses` times. The token is in the result
 * once; only its hash is stored. No seat is held: each join checks the plan then.
 */
export async function createInviteLink(ctx: TenantContext, input: CreateInviteLinkInput, appUrl: string): Promise<CreatedInviteLink> {
  assertCan(ctx, "invitations.manage", MANAGE_INVITE_LINKS_DENIED);
  const { role, expiresInDays, maxUses } = parseOrThrow(createInviteLinkSchema, input);
  if (!canGrant(ctx.role, role)) {
    const allowed = grantableRoles(ctx.role).map((r) => ROLE_LABELS[r]).join(" or ");
    throw new PermissionDeniedError(`You cannot give the ${ROLE_LABELS[role]} role: links you make can be for ${allowed}.`);
  }
  const { token, hash } = newLinkToken();
  const link = await tenantTransaction(ctx, async (scope) => {
    const [row] = await scope.insert(inviteLinks, {
      tokenHash: hash,
      role,
      createdById: ctx.user.id,
      expiresAt: new Date(Date.now() + expiresInDays * DAY),
      maxUses,
    });
    await logActivity(scope, {
      action: "invite_link.created",
      target: { type: "invite_link", id: row!.id, label: null },
      metadata: { role, maxUses },
    });
    return row!;
  });
  const { tokenHash: _hash, ...shown } = link;
  return { link: shown, token, url: `${appUrl}${inviteLinkPath(token)}` };
}
