import "server-only";
import { and, eq, isNull, ne, or } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { TenantContext } from "@/lib/tenancy/context";

/** Remembers the tenant the user is in, server-side; writes only when it changed. */
export async function rememberLastTenant(ctx: TenantContext): Promise<void> {
  await db
    .update(users)
    .set({ lastTenantId: ctx.tenant.id })
    .where(and(eq(users.id, ctx.user.id), or(isNull(users.lastTenantId), ne(users.lastTenantId, ctx.tenant.id))));
}
