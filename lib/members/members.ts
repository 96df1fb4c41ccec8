import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, tenants, users } from "@/db/schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import type { Role } from "@/lib/permissions/roles";
import { tenantScope, type TenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";

export type Member = {
  userId: string;
  name: string | null;
  email: string | null;
  role: Role;
  joinedAt: Date;
};

const memberColumns = {
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.joinedAt,
};

/** A member as the list shows them: with their picture (`users.image`, already in the joined row). */
export type ListedMember = Member & { image: string | null };

export async function listMembers(ctx: TenantContext): Promise<ListedMember[]> {
  assertCan(ctx, "tenant.read");
  return db
    .select({ ...memberColumns, image: users.image })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(tenantScope(ctx).owned(memberships))
    .orderBy(asc(memberships.joinedAt), asc(users.email));
}

/**
 * Starts every change of memberships: locks the tenant's row, so changes in one tenant
 * run one after another in one lock order (no deadlocks), and returns the actor's role
 * as it is now, not as it was when the request began.
 */
export async function lockMembershipsOf(scope: TenantScope): Promise<Member & { grants: TenantContext["grants"] }> {
  const { ctx, tx } = scope;
  await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, ctx.tenant.id)).for("update");
  const me = await getMemberForUpdate(scope, ctx.user.id).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("You are no longer a member of this workspace.") : error;
  });
  return { ...me, grants: ctx.grants };
}

/** The member, locked for the rest of the transaction; another tenant's member is not found. */
export async function getMemberForUpdate(scope: TenantScope, userId: string): Promise<Member> {
  const [member] = await scope.tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(scope.owned(memberships, eq(memberships.userId, userId)))
    .for("update", { of: memberships });
  if (!member) throw new NotFoundError("That person is not a member of this workspace.");
  return member;
}

export const LAST_OWNER_MESSAGE = "A workspace needs at least one owner. Make someone else an owner first.";

/**
 * Refuses a change that would leave the tenant without an owner once `userId` stops
 * being one. Locks the owners' rows, so two owners demoting each other at once
 * cannot both succeed.
 */
export async function assertAnotherOwnerRemains(scope: TenantScope, userId: string): Promise<void> {
  const owners = await scope.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(scope.owned(memberships, eq(memberships.role, "owner")))
    .for("update");
  if (!owners.some((o) => o.userId !== userId)) throw new UserError(LAST_OWNER_MESSAGE);
}

export const memberTarget = (member: Member) =>
  ({ type: "user", id: member.userId, label: member.name || member.email }) as const;
