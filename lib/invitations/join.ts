import "server-only";
import type { Executor } from "@/db/client";
import { recordActivity } from "@/lib/activity/record";
import { toInvitationResource } from "@/lib/resources/invitation";
import { joinTenant } from "@/lib/members/join-tenant";
import type { SessionUser } from "@/lib/tenancy/context";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { Invitation } from "./invitations";

/**
 * What accepting does once the invitation is claimed, from a link (./respond.ts) or from
 * the invitee's own list (./respond-by-id.ts): membership with the invited role, activity,
 * webhooks, and the tenant as the user's last. In the claiming transaction.
 */
export async function joinThroughInvitation(tx: Executor, user: SessionUser, invitation: Invitation, ip: string | null): Promise<void> {
  await emitWebhookEvent(tx, invitation.tenantId, {
    type: "invitation.accepted",
    data: { invitation: toInvitationResource(invitation), user_id: user.id },
  });
  await joinTenant(tx, { tenantId: invitation.tenantId, user, role: invitation.role, ip, route: { via: "invitation", invitationId: invitation.id } });
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
