import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { memberships, tenants } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertCan, type Permission } from "@/lib/permissions/permissions";
import type { TenantScope } from "./scope";

/**
 * Locks the live tenant's row (the lock every membership change takes) and checks the
 * permission against the caller's role as it is now, not as the request found it: an
 * owner demoted a moment ago, or a workspace deleted meanwhile, is refused.
 */
export async function assertCanUnderLock(scope: TenantScope, permission: Permission, message: string): Promise<void> {
  const { ctx, tx } = scope;
  const [live] = await tx.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.id, ctx.tenant.id), isNull(tenants.deletedAt))).for("update");
  if (!live) throw new NotFoundError();
  const [me] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.userId, ctx.user.id)));
  if (!me) throw new NotFoundError();
  assertCan({ role: me.role, grants: ctx.grants }, permission, message);
}
