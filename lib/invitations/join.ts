import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { toInvitationResource } from "@/lib/resources/invitation";
import { toMemberResource } from "@/lib/resources/member";
import type { SessionUser } from "@/lib/tenants/context";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { Invitation } from "./invitations";

/**
 * What accepting does once the invitation is claimed, from a link (./respond.ts) or from
 * the invitee's own list (./respond-by-id.ts): membership with the invited role, activity,
 * webhooks, and the tenant as the user's last. In the claiming transaction.
 */
export async function joinThroughInvitation(tx: Executor, user: SessionUser, invitation: Invitation, ip: string | null): Promise<void> {
  const [joined] = await tx
    .insert(memberships)
    .values({ tenantId: invitation.tenantId, userId: user.id, role: invitation.role })
    .onConflictDoNothing()
    .returning({ role: memberships.role, joinedAt: memberships.joinedAt });
  await emitWebhookEvent(tx, invitation.tenantId, {
    type: "invitation.accepted",
    data: { invitation: toInvitationResource(invitation), user_id: user.id },
  });
  if (joined) {
    await recordActivity(tx, {
      tenantId: invitation.tenantId,
      actor: user,
      ip,
      action: "member.joined",
      target: { type: "user", id: user.id, label: user.name || user.email },
      metadata: { role: invitation.role },
    });
    await emitWebhookEvent(tx, invitation.tenantId, {
      type: "member.joined",
      data: { member: toMemberResource({ userId: user.id, name: user.name, email: user.email, ...joined }), invitation_id: invitation.id },
    });
  }
  await tx.update(users).set({ lastTenantId: invitation.tenantId }).where(eq(users.id, user.id));
}

/** The activity entry of a declined invitation. */
export async function recordDeclined(tx: Executor, user: SessionUser, invitation: Pick<Invitation, "id" | "tenantId" | "email">, ip: string | null): Promise<void> {
  await recordActivity(tx, {
    tenantId: invitation.tenantId,
    actor: user,
    ip,
    action: "invitation.declined",
    target: { type: "invitation", id: invitation.id, label: invitation.email },
  });
}
