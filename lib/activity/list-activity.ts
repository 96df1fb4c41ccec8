import "server-only";
import { desc, lt } from "drizzle-orm";
import { activityLog } from "@/db/schema";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import type { ActivityEntry } from "./events";

export const ACTIVITY_PAGE_SIZE = 50;

/** A page of the tenant's activity, newest first; `before` is the last id of the previous page. */
export async function listActivity(
  ctx: TenantContext,
  { before, limit = ACTIVITY_PAGE_SIZE }: { before?: number; limit?: number } = {},
): Promise<{ entries: (ActivityEntry)[]; nextBefore: number | null }> {
  assertCan(ctx, "activity.read");
  const rows = await tenantScope(ctx).findMany(activityLog, {
    where: before ? lt(activityLog.id, before) : undefined,
    orderBy: desc(activityLog.id),
    limit: limit + 1,
  });
  const entries = rows.slice(0, limit);
  return { entries, nextBefore: rows.length > limit ? entries.at(-1)!.id : null };
}
