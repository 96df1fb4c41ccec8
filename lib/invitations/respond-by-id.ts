import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { invitations, tenants } from "@/db/schema";
import { UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { answerableBy } from "./for-user";
import { joinThroughInvitation, recordDeclined } from "./join";
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

/** Accepts one of the user's own pending invitations, by id, in one transaction. */
export async function acceptInvitationById(user: SessionUser, input: { invitationId: string }, ip: string | null = null): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const invitation = await claim(tx, user, input, "acceptedAt");
    await joinThroughInvitation(tx, user, invitation, ip);
    const [tenant] = await tx.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, invitation.tenantId));
    return { slug: tenant!.slug };
  });
}

/** Declines one of the user's own pending invitations, by id. */
export async function declineInvitationById(user: SessionUser, input: { invitationId: string }, ip: string | null = null): Promise<void> {
  await db.transaction(async (tx) => {
    const invitation = await claim(tx, user, input, "declinedAt");
    await recordDeclined(tx, user, invitation, ip);
  });
}
