import "server-only";
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { tenants } from "@/db/schema";
import { purgeCutoff } from "./lifecycle";

/**
 * The `tenants-purge` job: erases workspaces deleted more than 30 days ago, each in
 * one transaction, with everything they own (every tenant-owned table cascades from
 * `tenants`). Only then is the slug free again. Safe to run twice.
 */
export async function purgeDeletedTenants(now = new Date()): Promise<{ purged: number }> {
  const due = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(isNotNull(tenants.deletedAt), lt(tenants.deletedAt, purgeCutoff(now))));
  let purged = 0;
  for (const { id } of due) {
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
