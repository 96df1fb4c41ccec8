import "server-only";
import { and, eq } from "drizzle-orm";
import { isUniqueViolation } from "@/db/errors";
import { invitations, isOpen, memberships, users } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { assertWithinLimit } from "@/lib/plans/limits";
import { UserError } from "@/lib/errors";
import { assertCan, canGrant, grantableRoles } from "@/lib/permissions/permissions";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { toInvitationResource } from "@/lib/resources/invitation";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { invitationExpiry, sendInvitation, type Invitation } from "./invitations";
import { inviteSchema, type InviteInput } from "./schemas";
import { newLinkToken } from "@/lib/security/link-token";

const pendingError = (email: string) =>
  new UserError("There is already a pending invitation.", {
    email: [`${email} already has a pending invitation. Resend it from the list below.`],
  });

/**
 * Invites an address with a role no higher than the inviter's own, and mails the link,
 * in one transaction: if the mail cannot be sent, no invitation exists.
 */
export async function createInvitation(ctx: TenantContext, input: InviteInput, appUrl: string): Promise<Invitation> {
  assertCan(ctx, "invitations.manage", "Only owners and admins can invite people.");
  const { email, role } = parseOrThrow(inviteSchema, input);
  if (!canGrant(ctx.role, role)) {
    const allowed = grantableRoles(ctx.role).map((r) => ROLE_LABELS[r]).join(" or ");
    throw new UserError("You cannot give that role.", { role: [`You can invite people as ${allowed}.`] });
  }
  const { token, hash } = newLinkToken();
  try {
    return await tenantTransaction(ctx, async (scope) => {
      const [member] = await scope.tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(scope.owned(memberships, eq(users.email, email)));
      if (member) throw new UserError("Already a member.", { email: [`${email} is already a member of this workspace.`] });

      const open = await scope.findFirst(invitations, and(eq(invitations.email, email), isOpen));
      if (open && open.expiresAt.getTime() > Date.now()) throw pendingError(email);
      // An expired invitation is closed so that a new one can be made.
      if (open) await scope.update(invitations, { revokedAt: new Date() }, eq(invitations.id, open.id));
      await assertWithinLimit(scope, "members");

      const [invitation] = await scope.insert(invitations, {
        email,
        role,
        tokenHash: hash,
        invitedById: ctx.user.id,
        expiresAt: invitationExpiry(),
      });
      await logActivity(scope, {
        action: "member.invited",
        target: { type: "invitation", id: invitation!.id, label: email },
        metadata: { role },
      });
      await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "invitation.created", data: { invitation: toInvitationResource(invitation!) } });
      await sendInvitation(scope, invitation!, token, appUrl);
      return invitation!;
    });
  } catch (error) {
    // Two invitations for one address at the same moment: the second meets the index.
    if (isUniqueViolation(error, "invitations_open_email_key")) throw pendingError(email);
    throw error;
  }
}
