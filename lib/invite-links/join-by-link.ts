import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { inviteLinks, memberships } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { joinTenant } from "@/lib/members/join-tenant";
import { assertSeatAvailable } from "@/lib/plans/limits";
import type { SessionUser } from "@/lib/tenancy/context";
import { INVALID_INVITE_LINK_TEXT } from "./copy";
import { findInviteLinkByToken, isLive } from "./invite-links";
import { statusOf } from "./status";

/** The link does not work (unknown, expired, revoked, deleted workspace, creator no longer allowed): one message for all. */
export class InvalidInviteLinkError extends UserError {
  constructor() {
    super(INVALID_INVITE_LINK_TEXT);
    this.name = "InvalidInviteLinkError";
  }
}

/** Every use the link allowed has been taken. */
export class InviteLinkUsedUpError extends UserError {
  constructor(readonly tenantName: string) {
    super(`This invite link to ${tenantName} has been used as many times as it allows. Ask someone in the workspace for a new link.`);
    this.name = "InviteLinkUsedUpError";
  }
}

export type InviteLinkJoin = { tenant: { id: string; name: string; slug: string }; alreadyMember: boolean };

// Thrown inside the transaction to roll back the use it took, when a parallel request
// made the same user a member first.
class JoinedMeanwhile extends Error {}

/**
 * Joins the signed-in user to the link's tenant with the link's role, in one transaction:
 * the link must be live, its tenant alive, its creator still allowed to give its role,
 * and a seat free on the plan (TenantFullError). The use is taken by one conditional
 * update, so parallel joins never pass `max_uses`. Someone already a member takes no use.
 */
export async function joinByInviteLink(user: SessionUser, token: unknown, ip: string | null = null): Promise<InviteLinkJoin> {
  try {
    return await db.transaction(async (tx) => {
      const link = await findInviteLinkByToken(token, tx);
      if (!link) throw new InvalidInviteLinkError();
      const status = statusOf(link, link.creatorRole);
      if (status === "used_up") throw new InviteLinkUsedUpError(link.tenant.name);
      if (status !== "live") throw new InvalidInviteLinkError();

      const [member] = await tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.tenantId, link.tenantId), eq(memberships.userId, user.id)));
      if (member) return { tenant: link.tenant, alreadyMember: true };

      // Locks the tenant's row: joins of one tenant are counted, and take their use, one after another.
      await assertSeatAvailable(tx, link.tenantId);
      const [used] = await tx
        .update(inviteLinks)
        .set({ uses: sql`${inviteLinks.uses} + 1` })
        .where(and(eq(inviteLinks.tenantId, link.tenantId), eq(inviteLinks.id, link.id), isLive))
        .returning({ uses: inviteLinks.uses, maxUses: inviteLinks.maxUses });
      if (!used) throw new InviteLinkUsedUpError(link.tenant.name);

      const joined = await joinTenant(tx, { tenantId: link.tenantId, user, role: link.role, ip, route: { via: "invite_link", linkId: link.id } });
      if (!joined) throw new JoinedMeanwhile();
      await recordActivity(tx, {
        tenantId: link.tenantId,
        actor: user,
        ip,
        action: "invite_link.used",
        target: { type: "invite_link", id: link.id, label: null },
        metadata: { role: link.role, uses: used.uses, maxUses: used.maxUses },
      });
      return { tenant: link.tenant, alreadyMember: false };
    });
  } catch (error) {
    if (!(error instanceof JoinedMeanwhile)) throw error;
    const link = await findInviteLinkByToken(token);
    if (!link) throw new InvalidInviteLinkError();
    return { tenant: link.tenant, alreadyMember: true };
  }
}
