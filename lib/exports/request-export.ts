import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { dataExports, memberships, tenants, users } from "@/db/schema";
import { logActivity, recordActivity } from "@/lib/activity/record";
import { NotFoundError, UserError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { assertCan } from "@/lib/permissions/permissions";
import type { SessionUser, TenantContext } from "@/lib/tenancy/context";
import { assertCanUnderLock } from "@/lib/tenancy/lock-tenant";
import { inProgress, type DataExport } from "./exports";
import { tenantTransaction } from "@/lib/tenancy/scope";

const BUSY = "An export is already being prepared. We'll email you when it's ready.";
const stamp = (now: Date) => now.toISOString().slice(0, 10);

/** Owners and admins: a zip of the whole workspace, built in the background, mailed when ready. */
export async function requestTenantExport(ctx: TenantContext, appUrl: string): Promise<DataExport> {
  assertCan(ctx, "data.export", "Only owners and admins can export this workspace.");
  return tenantTransaction(ctx, async (scope) => {
    // One at a time per workspace: the lock makes two parallel clicks one export.
    await assertCanUnderLock(scope, "data.export", "Only owners and admins can export this workspace.");
    const [busy] = await scope.tx.select({ id: dataExports.id }).from(dataExports).where(and(eq(dataExports.tenantId, ctx.tenant.id), eq(dataExports.kind, "tenant"), inProgress)).limit(1);
    if (busy) throw new UserError(BUSY);
    const [row] = await scope.tx
      .insert(dataExports)
      .values({ kind: "tenant", tenantId: ctx.tenant.id, requestedById: ctx.user.id, fileName: `${ctx.tenant.slug}-export-${stamp(new Date())}.zip` })
      .returning();
    await enqueueJob("export-build", { exportId: row!.id, appUrl }, { executor: scope.tx });
    await logActivity(scope, { action: "tenant.exported", target: { type: "export", id: row!.id, label: row!.fileName } });
    return row!;
  });
}

/** Every user: a zip of their own account. Recorded in the log of each workspace they belong to. */
export async function requestAccountExport(user: SessionUser, ip: string | null, appUrl: string): Promise<DataExport> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    if (!locked) throw new NotFoundError();
    const [busy] = await tx.select({ id: dataExports.id }).from(dataExports).where(and(eq(dataExports.requestedById, user.id), eq(dataExports.kind, "account"), inProgress)).limit(1);
    if (busy) throw new UserError(BUSY);
    const [row] = await tx.insert(dataExports).values({ kind: "account", requestedById: user.id, fileName: `account-export-${stamp(new Date())}.zip` }).returning();
    await enqueueJob("export-build", { exportId: row!.id, appUrl }, { executor: tx });
    const mine = await tx
      .select({ tenantId: memberships.tenantId })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(and(eq(memberships.userId, user.id), isNull(tenants.deletedAt)));
    for (const { tenantId } of mine) {
      await recordActivity(tx, { tenantId, actor: user, ip, action: "account.exported", target: { type: "user", id: user.id, label: user.name || user.email } });
    }
    return row!;
  });
}
