import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { NotFoundError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenants/context";
import { parseOrThrow } from "@/lib/validation";
import { invitationExpiry, isOpen, sendInvitation, type Invitation } from "./invitations";
import { invitationIdSchema } from "./schemas";
import { newInvitationToken } from "./token";

const target = (invitation: Invitation) => ({ type: "invitation", id: invitation.id, label: invitation.email }) as const;

/** Sends a new link with a new expiry; the old link stops working. */
export async function resendInvitation(ctx: TenantContext, input: { invitationId: string }, appUrl: string): Promise<void> {
  assertCan(ctx, "invitations.manage", "Only owners and admins can resend invitations.");
  const { invitationId } = parseOrThrow(invitationIdSchema, input);
  const { token, hash } = newInvitationToken();
  await db.transaction(async (tx) => {
    const scope = tenantScope(ctx, tx);
    const [invitation] = await scope.update(
      invitations,
      { tokenHash: hash, expiresAt: invitationExpiry(), sentAt: new Date() },
      and(eq(invitations.id, invitationId), isOpen)!,
    );
    if (!invitation) throw new NotFoundError("That invitation is no longer pending.");
    await logActivity(ctx, tx, { action: "invitation.resent", target: target(invitation) });
    await sendInvitation(ctx, tx, invitation, token, appUrl);
  });
}

export async function revokeInvitation(ctx: TenantContext, input: { invitationId: string }): Promise<void> {
  assertCan(ctx, "invitations.manage", "Only owners and admins can revoke invitations.");
  const { invitationId } = parseOrThrow(invitationIdSchema, input);
  await db.transaction(async (tx) => {
    const [invitation] = await tenantScope(ctx, tx).update(
      invitations,
      { revokedAt: new Date() },
      and(eq(invitations.id, invitationId), isOpen)!,
    );
    if (!invitation) return; // already gone: revoking twice is not an error
    await logActivity(ctx, tx, { action: "invitation.revoked", target: target(invitation) });
  });
}
