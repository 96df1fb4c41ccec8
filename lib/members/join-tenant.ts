import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { queueSeatSync } from "@/lib/billing/seats";
import type { Role } from "@/lib/permissions/roles";
import { toMemberResource } from "@/lib/resources/member";
import type { SessionUser } from "@/lib/tenancy/context";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

/** How someone came in: a personal invitation, a shared invite link, or their email's verified domain. */
export type JoinRoute = { via: "invitation"; invitationId: string } | { via: "invite_link"; linkId: string } | { via: "domain"; domain: string };

/**
 * Makes `user` a member of the tenant with `role`, in the caller's transaction: the
 * membership, the `member.joined` entry and webhook, and the tenant as the user's last.
 * Returns false (and records nothing) when they were a member already. The caller has
 * checked the right to join and the seat limit (lib/plans/limits.ts assertSeatAvailable).
 */
export async function joinTenant(
  tx: Executor,
  join: { tenantId: string; user: Pick<SessionUser, "id" | "name" | "email">; role: Role; ip: string | null; route: JoinRoute },
): Promise<boolean> {
  const { tenantId, user, role, ip, route } = join;
  const [joined] = await tx
    .insert(memberships)
    .values({ tenantId, userId: user.id, role })
    .onConflictDoNothing()
    .returning({ role: memberships.role, joinedAt: memberships.joinedAt });
  if (joined) {
    const { via } = route;
    await recordActivity(tx, {
      tenantId,
      actor: user,
      ip,
      action: "member.joined",
      target: { type: "user", id: user.id, label: user.name || user.email },
      metadata: { role, via, ...(route.via === "domain" ? { domain: route.domain } : {}), ...(route.via === "invite_link" ? { linkId: route.linkId } : {}) },
    });
    await emitWebhookEvent(tx, tenantId, {
      type: "member.joined",
      data: {
        member: toMemberResource({ userId: user.id, name: user.name, email: user.email, ...joined }),
        invitation_id: route.via === "invitation" ? route.invitationId : null,
      },
    });
    await queueSeatSync(tx, tenantId);
  }
  await tx.update(users).set({ lastTenantId: tenantId }).where(eq(users.id, user.id));
  return Boolean(joined);
}
