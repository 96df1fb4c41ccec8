import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { tenants } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { parseOrThrow } from "@/lib/validation";
import type { Tenant, TenantContext } from "./context";
import { renameTenantSchema, type RenameTenantInput } from "./schemas";

export async function renameTenant(ctx: TenantContext, input: RenameTenantInput): Promise<Tenant> {
  assertCan(ctx, "tenant.rename", "Only owners and admins can rename this workspace.");
  const { name } = parseOrThrow(renameTenantSchema, input);
  const [tenant] = await db
    .update(tenants)
    .set({ name })
    .where(and(eq(tenants.id, ctx.tenant.id), isNull(tenants.deletedAt)))
    .returning();
  if (!tenant) throw new NotFoundError();
  return tenant;
}
