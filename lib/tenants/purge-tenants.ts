import "server-only";
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { ENDED_SUBSCRIPTION_STATUSES, subscriptions, tenants } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { purgeCutoff } from "./lifecycle";

/**
 * The `tenants-purge` job: erases workspaces deleted more than 30 days ago, each in
 * one transaction, with everything they own (every tenant-owned table cascades from
 * `tenants`). Only then is the slug free again. One whose subscription is still live
 * waits for its cancellation. Safe to run twice.
 */
export async function purgeDeletedTenants(now = new Date()): Promise<{ purged: number }> {
  const due = await db
    .select({ id: tenants.id, status: subscriptions.status })
    .from(tenants)
    .leftJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
    .where(and(isNotNull(tenants.deletedAt), lt(tenants.deletedAt, purgeCutoff(now))));
  let purged = 0;
  for (const { id, status } of due) {
    // Never erase a workspace Stripe may still bill: cancel first, purge on a later run.
    if (status && !ENDED_SUBSCRIPTION_STATUSES.includes(status)) {
      await enqueueJob("billing-cancel-subscription", { tenantId: id, before: now.toISOString() }, { singletonKey: `purge:${id}`, singletonSeconds: 3600 });
      continue;
    }
    const deleted = await db.transaction(async (tx) => {
      // A big tenant's cascade may take longer than a request's statement timeout.
      await tx.execute(sql`SET LOCAL statement_timeout = 0`);
      return tx
        .delete(tenants)
        .where(and(eq(tenants.id, id), isNotNull(tenants.deletedAt), lt(tenants.deletedAt, purgeCutoff(now))))
        .returning({ id: tenants.id });
    });
    purged += deleted.length;
  }
  return { purged };
}
