import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { invitations, isOpen, isUsable, tenants, users } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { invitationEmail } from "@/lib/email/templates/invitation";
import { getEnv } from "@/lib/env/env";
import { assertCan } from "@/lib/permissions/permissions";
import type { Role } from "@/lib/permissions/roles";
import { tenantScope, type TenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { invitationPath } from "./token";
import { hashLinkToken } from "@/lib/security/link-token";

export type Invitation = typeof invitations.$inferSelect;

export const DEFAULT_INVITATION_TTL_DAYS = 7;

export function invitationExpiry(from = new Date()): Date {
  const days = getEnv().INVITATION_TTL_DAYS ?? DEFAULT_INVITATION_TTL_DAYS;
  return new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
}


export type PendingInvitation = Pick<Invitation, "id" | "email" | "role" | "expiresAt" | "sentAt" | "createdAt"> & {
  invitedBy: string | null;
  expired: boolean;
};

/** Open invitations, oldest first, with who sent them; expired ones are marked so they can be resent. */
export async function listPendingInvitations(ctx: TenantContext): Promise<PendingInvitation[]> {
  assertCan(ctx, "invitations.manage");
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      sentAt: invitations.sentAt,
      createdAt: invitations.createdAt,
      inviterName: users.name,
      inviterEmail: users.email,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(tenantScope(ctx).owned(invitations, isOpen))
    .orderBy(asc(invitations.createdAt));
  const now = Date.now();
  return rows.map(({ inviterName, inviterEmail, ...row }) => ({
    ...row,
    invitedBy: inviterName || inviterEmail,
    expired: row.expiresAt.getTime() <= now,
  }));
}

export type InvitationView = {
  id: string;
  tenantId: string;
  email: string;
  role: Role;
  expiresAt: Date;
  tenant: { name: string; slug: string };
  inviter: string | null;
};

const inviter = alias(users, "inviter");

/** The invitation behind a link, if the link still works (open, not expired, tenant alive). */
export async function findUsableInvitation(token: string, executor: Executor = db): Promise<InvitationView | null> {
  const [row] = await executor
    .select({
      id: invitations.id,
      tenantId: invitations.tenantId,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
      inviterName: inviter.name,
      inviterEmail: inviter.email,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(and(eq(invitations.tokenHash, hashLinkToken(token)), isUsable, isNull(tenants.deletedAt)))
    .limit(1);
  if (!row) return null;
  const { tenantName, tenantSlug, inviterName, inviterEmail, ...invitation } = row;
  return { ...invitation, tenant: { name: tenantName, slug: tenantSlug }, inviter: inviterName || inviterEmail };
}

/** Mails the link, through the transaction that created or renewed the invitation. */
export async function sendInvitation(
  scope: TenantScope,
  invitation: Pick<Invitation, "email" | "role" | "expiresAt">,
  token: string,
  appUrl: string,
): Promise<void> {
  const { ctx, tx } = scope;
  // An invitee who already has an account may have told us their zone.
  const [known] = await tx.select({ timeZone: users.timeZone }).from(users).where(eq(users.email, invitation.email));
  const message = invitationEmail({
    timeZone: known?.timeZone,
    tenantName: ctx.tenant.name,
    inviterName: ctx.user.name || ctx.user.email || "A teammate",
    role: invitation.role,
    url: `${appUrl}${invitationPath(token)}`,
    expiresAt: invitation.expiresAt,
  });
  await sendEmail({ to: invitation.email, ...message }, { executor: tx });
}
