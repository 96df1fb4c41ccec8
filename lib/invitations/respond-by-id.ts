import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { invitations, memberships, tenants, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { toInvitationResource } from "@/lib/resources/invitation";
import { toMemberResource } from "@/lib/resources/member";
import type { SessionUser } from "@/lib/tenants/context";
import { parseOrThrow } from "@/lib/validation";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { answerableBy } from "./for-user";
import type { Invitation } from "./invitations";
import { invitationIdSchema } from "./schemas";

export const CLOSED_INVITATION_TEXT =
  "This invitation is no longer open: it was answered, withdrawn or replaced, or it expired. Ask the person who invited you to send a new one.";

// Answers from the invitee's own list (/invitations), where there is no link token:
// the invitation is found by id among the ones `answerableBy` the signed-in user, so
// an id of someone else's invitation, or of a closed one, is simply not open.

async function claim(tx: Executor, user: SessionUser, input: { invitationId: string }, answer: "acceptedAt" | "declinedAt"): Promise<Invitation> {
  const { invitationId } = parseOrThrow(invitationIdSchema, input, "Unknown invitation.");
  // One conditional update: of many parallel answers, one wins.
  const [claimed] = await tx
    .update(invitations)
    .set(answer === "acceptedAt" ? { acceptedAt: new Date(), acceptedById: user.id } : { declinedAt: new Date() })
    .where(and(eq(invitations.id, invitationId), answerableBy(user.id)))
    .returning();
  if (!claimed) throw new UserError(CLOSED_INVITATION_TEXT);
  return claimed;
}

/**
 * What accepting does once the invitation is claimed, as for a link
 * (./respond.ts): membership with the invited role, activity, webhooks, and the
 * tenant as the user's last.
 */
async function join(tx: Executor, user: SessionUser, invitation: Invitation, ip: string | null): Promise<{ slug: string }> {
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
  const [tenant] = await tx.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, invitation.tenantId));
  return { slug: tenant!.slug };
}

/** Accepts one of the user's own pending invitations, by id, in one transaction. */
export async function acceptInvitationById(user: SessionUser, input: { invitationId: string }, ip: string | null = null): Promise<{ slug: string }> {
  return db.transaction(async (tx) => join(tx, user, await claim(tx, user, input, "acceptedAt"), ip));
}

/** Declines one of the user's own pending invitations, by id. */
export async function declineInvitationById(user: SessionUser, input: { invitationId: string }, ip: string | null = null): Promise<void> {
  await db.transaction(async (tx) => {
    const invitation = await claim(tx, user, input, "declinedAt");
    await recordActivity(tx, {
      tenantId: invitation.tenantId,
      actor: user,
      ip,
      action: "invitation.declined",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
    });
  });
}
