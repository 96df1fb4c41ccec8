import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { invitations, isUsable, users } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { INVALID_INVITATION_TEXT } from "./copy";
import type { SessionUser } from "@/lib/tenancy/context";
import { findUsableInvitation, type InvitationView } from "./invitations";
import { joinThroughInvitation, recordDeclined } from "./join";
import { hashLinkToken } from "@/lib/security/link-token";

export class InvalidInvitationError extends UserError {
  constructor() {
    super(`This invitation is not valid. ${INVALID_INVITATION_TEXT}`);
    this.name = "InvalidInvitationError";
  }
}

/** Whether this signed-in user may answer this invitation: same email, and verified. */
export async function invitationMismatch(user: Pick<SessionUser, "id">, invitation: Pick<InvitationView, "email">, executor: Executor = db) {
  const [row] = await executor
    .select({ email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, user.id));
  if (!row?.email || row.email.toLowerCase() !== invitation.email) return "wrong-account" as const;
  if (!row.verified) return "unverified" as const;
  return null;
}

async function claim(tx: Executor, user: SessionUser, token: string, answer: "acceptedAt" | "declinedAt") {
  const invitation = await findUsableInvitation(token, tx);
  if (!invitation) throw new InvalidInvitationError();
  const mismatch = await invitationMismatch(user, invitation, tx);
  if (mismatch === "wrong-account") throw new UserError(`This invitation is for ${invitation.email}. Sign in with that address to answer it.`);
  if (mismatch === "unverified") throw new UserError(`Sign in with a link sent to ${invitation.email} to confirm the address first.`);
  // The claim is one conditional update: of many parallel answers, one wins.
  const [claimed] = await tx
    .update(invitations)
    .set(answer === "acceptedAt" ? { acceptedAt: new Date(), acceptedById: user.id } : { declinedAt: new Date() })
    .where(
      and(
        eq(invitations.tenantId, invitation.tenantId),
        eq(invitations.id, invitation.id),
        // The same link: a resend that replaced it meanwhile wins.
        eq(invitations.tokenHash, hashLinkToken(token)),
        isUsable,
      ),
    )
    .returning();
  if (!claimed) throw new InvalidInvitationError();
  return { ...invitation, row: claimed };
}

/**
 * Joins the tenant with the invitation's role and uses the invitation up, in one
 * transaction. Only the user with the invited, verified email can.
 */
export async function acceptInvitation(user: SessionUser, token: string, ip: string | null = null): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const invitation = await claim(tx, user, token, "acceptedAt");
    await joinThroughInvitation(tx, user, invitation.row, ip);
    return { slug: invitation.tenant.slug };
  });
}

export async function declineInvitation(user: SessionUser, token: string, ip: string | null = null): Promise<void> {
  await db.transaction(async (tx) => {
    const invitation = await claim(tx, user, token, "declinedAt");
    await recordDeclined(tx, user, invitation, ip);
  });
}
