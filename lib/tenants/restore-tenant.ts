import "server-only";
import { and, desc, eq, gt, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, tenants } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import { NotFoundError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import type { SessionUser } from "@/lib/tenancy/context";
import { purgeCutoff, purgeDateOf } from "./lifecycle";
import { restoreTenantSchema } from "./schemas";

export type RestorableTenant = { id: string; name: string; slug: string; deletedAt: Date; purgeAt: Date };

const ownedAndRestorable = (userId: string, now: Date) =>
  and(eq(memberships.userId, userId), eq(memberships.role, "owner"), isNotNull(tenants.deletedAt), gt(tenants.deletedAt, purgeCutoff(now)));

/** Workspaces the user owns that were deleted less than 30 days ago, newest first. */
export async function listRestorableTenants(user: Pick<SessionUser, "id">, now = new Date()): Promise<RestorableTenant[]> {
  const rows = await db
    .select({ id: tenants.id, name: tenants.name, slug: tenants.slug, deletedAt: tenants.deletedAt })
    .from(tenants)
    .innerJoin(memberships, eq(memberships.tenantId, tenants.id))
    .where(ownedAndRestorable(user.id, now))
    .orderBy(desc(tenants.deletedAt));
  return rows.map((row) => ({ ...row, deletedAt: row.deletedAt!, purgeAt: purgeDateOf(row.deletedAt!) }));
}

/**
 * Brings a deleted workspace back, for one of its owners, within 30 days: members and
 * API keys work again. Its subscription stays cancelled; it is on Free until an owner
 * chooses a plan. Anything else (not an owner, too late, never deleted) is not found.
 */
export async function restoreTenant(user: SessionUser, input: { tenantId: unknown }, ip: string | null): Promise<{ slug: string }> {
  const { tenantId } = parseOrThrow(restoreTenantSchema, input);
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: tenants.id })
      .from(tenants)
      .innerJoin(memberships, eq(memberships.tenantId, tenants.id))
      .where(and(eq(tenants.id, tenantId), ownedAndRestorable(user.id, new Date())))
      .for("update", { of: tenants });
    if (!owned) throw new NotFoundError("That workspace can no longer be restored.");
    const [tenant] = await tx.update(tenants).set({ deletedAt: null }).where(eq(tenants.id, owned.id)).returning();
    await recordActivity(tx, { tenantId: tenant!.id, actor: user, ip, action: "tenant.restored", target: { type: "tenant", id: tenant!.id, label: tenant!.name } });
    return { slug: tenant!.slug };
  });
}
