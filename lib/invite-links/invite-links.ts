import "server-only";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { inviteLinks, memberships, tenants, users } from "@/db/schema";
import { assertCan } from "@/lib/permissions/permissions";
import type { Role } from "@/lib/permissions/roles";
import { tenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { statusOf, type InviteLinkStatus } from "./status";
import { hashLinkToken, isLinkToken } from "@/lib/security/link-token";

export type InviteLink = typeof inviteLinks.$inferSelect;
export type { InviteLinkStatus };

export const MANAGE_INVITE_LINKS_DENIED = "Only owners and admins can manage invite links.";

/** The most links the members page lists, newest first. */
export const INVITE_LINK_LIST_LIMIT = 50;

/** Not revoked, not expired, not used up: the row's own conditions for a join (the creator is checked apart). */
export const isLive = and(
  isNull(inviteLinks.revokedAt),
  gt(inviteLinks.expiresAt, sql`now()`),
  or(isNull(inviteLinks.maxUses), lt(inviteLinks.uses, inviteLinks.maxUses)),
)!;

const creator = alias(users, "creator");
const creatorMembership = alias(memberships, "creator_membership");
const creatorMembershipJoin = and(eq(creatorMembership.tenantId, inviteLinks.tenantId), eq(creatorMembership.userId, inviteLinks.createdById));

export type InviteLinkRow = Pick<InviteLink, "id" | "role" | "uses" | "maxUses" | "expiresAt" | "createdAt"> & {
  status: InviteLinkStatus;
  createdBy: string | null;
};

/** The tenant's newest links, whatever their state, with who made each. */
export async function listInviteLinks(ctx: TenantContext): Promise<InviteLinkRow[]> {
  assertCan(ctx, "invitations.manage", MANAGE_INVITE_LINKS_DENIED);
  const rows = await db
    .select({
      id: inviteLinks.id,
      role: inviteLinks.role,
      uses: inviteLinks.uses,
      maxUses: inviteLinks.maxUses,
      expiresAt: inviteLinks.expiresAt,
      createdAt: inviteLinks.createdAt,
      revokedAt: inviteLinks.revokedAt,
      creatorName: creator.name,
      creatorEmail: creator.email,
      creatorRole: creatorMembership.role,
    })
    .from(inviteLinks)
    .leftJoin(creator, eq(creator.id, inviteLinks.createdById))
    .leftJoin(creatorMembership, creatorMembershipJoin)
    .where(tenantScope(ctx).owned(inviteLinks))
    .orderBy(desc(inviteLinks.createdAt), desc(inviteLinks.id))
    .limit(INVITE_LINK_LIST_LIMIT);
  const now = Date.now();
  return rows.map(({ creatorName, creatorEmail, creatorRole, revokedAt, ...row }) => ({
    ...row,
    status: statusOf({ ...row, revokedAt }, creatorRole, now),
    createdBy: creatorName || creatorEmail,
  }));
}

export type InviteLinkLookup = InviteLink & {
  tenant: { id: string; name: string; slug: string };
  inviter: string | null;
  creatorRole: Role | null;
};

/**
 * The link behind a token, in whatever state, if its tenant is alive; null for anything
 * that is not one of our tokens, without a query.
 */
export async function findInviteLinkByToken(token: unknown, executor: Executor = db): Promise<InviteLinkLookup | null> {
  if (!isLinkToken(token)) return null;
  const [row] = await executor
    .select({
      link: inviteLinks,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
      creatorName: creator.name,
      creatorEmail: creator.email,
      creatorRole: creatorMembership.role,
    })
    .from(inviteLinks)
    .innerJoin(tenants, eq(tenants.id, inviteLinks.tenantId))
    .leftJoin(creator, eq(creator.id, inviteLinks.createdById))
    .leftJoin(creatorMembership, creatorMembershipJoin)
    .where(and(eq(inviteLinks.tokenHash, hashLinkToken(token)), isNull(tenants.deletedAt)))
    .limit(1);
  if (!row) return null;
  return {
    ...row.link,
    tenant: { id: row.link.tenantId, name: row.tenantName, slug: row.tenantSlug },
    inviter: row.creatorName || row.creatorEmail,
    creatorRole: row.creatorRole,
  };
}

export type UsableInviteLink = Pick<InviteLink, "id" | "tenantId" | "role" | "expiresAt"> & {
  tenant: { name: string; slug: string };
  inviter: string | null;
};

/**
 * For the public /join page: the link if someone could join through it now (live, tenant
 * alive, creator still allowed). Null otherwise, the same for every reason, so the page
 * reveals nothing about a link that does not work.
 */
export async function findUsableInviteLink(token: unknown, executor: Executor = db): Promise<UsableInviteLink | null> {
  const link = await findInviteLinkByToken(token, executor);
  if (!link || statusOf(link, link.creatorRole) !== "live") return null;
  return { id: link.id, tenantId: link.tenantId, role: link.role, expiresAt: link.expiresAt, tenant: { name: link.tenant.name, slug: link.tenant.slug }, inviter: link.inviter };
}
