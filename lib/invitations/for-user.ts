import "server-only";
import { and, asc, eq, exists, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { invitations, isUsable, memberships, tenants, users } from "@/db/schema";
import type { Role } from "@/lib/permissions/roles";

/** An invitation as its invitee sees it, on their own list. */
export type UserInvitation = {
  id: string;
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  role: Role;
  inviter: string | null;
  expiresAt: Date;
};

/**
 * Invitations the user can answer now: usable, to a live tenant they are not in yet,
 * for their address once verified (an unverified one gets nothing, as accepting
 * would refuse it). A condition on `invitations` alone, so an UPDATE can use it too.
 */
export function answerableBy(userId: string) {
  const me = alias(users, "me");
  const liveTenant = alias(tenants, "invited_tenant");
  const alreadyIn = alias(memberships, "already_in");
  return and(
    isUsable,
    eq(
      invitations.email,
      sql`(SELECT lower(${me.email}) FROM ${users} AS ${sql.identifier("me")} WHERE ${me.id} = ${userId} AND ${isNotNull(me.emailVerified)})`,
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(liveTenant)
        .where(and(eq(liveTenant.id, invitations.tenantId), isNull(liveTenant.deletedAt))),
    ),
    notExists(
      db
        .select({ one: sql`1` })
        .from(alreadyIn)
        .where(and(eq(alreadyIn.tenantId, invitations.tenantId), eq(alreadyIn.userId, userId))),
    ),
  )!;
}

const inviter = alias(users, "inviter");

/** The user's own pending invitations, oldest first, with the tenant's name and who sent each. */
export async function listInvitationsForUser(userId: string): Promise<UserInvitation[]> {
  const rows = await db
    .select({
      id: invitations.id,
      tenantId: invitations.tenantId,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      inviterName: inviter.name,
      inviterEmail: inviter.email,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(answerableBy(userId))
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
  return rows.map(({ inviterName, inviterEmail, ...row }) => ({ ...row, inviter: inviterName || inviterEmail }));
}
