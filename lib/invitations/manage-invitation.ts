import "server-only";
import { and, eq } from "drizzle-orm";
import { invitations, isOpen } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { NotFoundError, PermissionDeniedError } from "@/lib/errors";
import { assertCan, canGrant } from "@/lib/permissions/permissions";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { assertWithinLimit } from "@/lib/plans/limits";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { toInvitationResource } from "@/lib/resources/invitation";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { invitationExpiry, sendInvitation, type Invitation } from "./invitations";
import { invitationIdSchema } from "./schemas";
import { newLinkToken } from "@/lib/security/link-token";

const target = (invitation: Invitation) => ({ type: "invitation", id: invitation.id, label: invitation.email }) as const;

/** Sends a new link with a new expiry; the old link stops working. */
export async function resendInvitation(ctx: TenantContext, input: { invitationId: string }, appUrl: string): Promise<void> {
  assertCan(ctx, "invitations.manage", "Only owners and admins can resend invitations.");
  const { invitationId } = parseOrThrow(invitationIdSchema, input);
  const { token, hash } = newLinkToken();
  await tenantTransaction(ctx, async (scope) => {
    const current = await scope.findFirst(invitations, and(eq(invitations.id, invitationId), isOpen));
    if (!current) throw new NotFoundError("That invitation is no longer pending.");
    if (!canGrant(ctx.role, current.role)) {
      throw new PermissionDeniedError(`Only someone who may grant the ${ROLE_LABELS[current.role]} role can resend this invitation.`);
    }
    // An expired invitation stopped counting against the plan; renewing it counts again.
    if (current.expiresAt.getTime() <= Date.now()) await assertWithinLimit(scope, "members");
    const [invitation] = await scope.update(
      invitations,
      { tokenHash: hash, expiresAt: invitationExpiry(), sentAt: new Date() },
      and(eq(invitations.id, invitationId), isOpen)!,
    );
    if (!invitation) throw new NotFoundError("That invitation is no longer pending.");
    await logActivity(scope, { action: "invitation.resent", target: target(invitation) });
    await sendInvitation(scope, invitation, token, appUrl);
  });
}

/** Whether it revoked one: false when no such invitation is pending (revoking twice is not an error). */
export async function revokeInvitation(ctx: TenantContext, input: { invitationId: string }): Promise<boolean> {
  assertCan(ctx, "invitations.manage", "Only owners and admins can revoke invitations.");
  const { invitationId } = parseOrThrow(invitationIdSchema, input);
  return tenantTransaction(ctx, async (scope) => {
    const [invitation] = await scope.update(
      invitations,
      { revokedAt: new Date() },
      and(eq(invitations.id, invitationId), isOpen)!,
    );
    if (!invitation) return false;
    await logActivity(scope, { action: "invitation.revoked", target: target(invitation) });
    await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "invitation.revoked", data: { invitation: toInvitationResource(invitation) } });
    return true;
  });
}
