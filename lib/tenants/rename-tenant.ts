import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { tenants } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { NotFoundError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { parseOrThrow } from "@/lib/validation";
import type { Tenant, TenantContext } from "@/lib/tenancy/context";
import { renameTenantSchema, type RenameTenantInput } from "./schemas";
import { tenantTransaction } from "@/lib/tenancy/scope";

export async function renameTenant(ctx: TenantContext, input: RenameTenantInput): Promise<Tenant> {
  assertCan(ctx, "tenant.rename", "Only owners and admins can rename this workspace.");
  const { name } = parseOrThrow(renameTenantSchema, input);
  return tenantTransaction(ctx, async (scope) => {
    const [tenant] = await scope.tx
      .update(tenants)
      .set({ name })
      .where(and(eq(tenants.id, ctx.tenant.id), isNull(tenants.deletedAt)))
      .returning();
    if (!tenant) throw new NotFoundError();
    if (name !== ctx.tenant.name) {
      await logActivity(scope, {
        action: "tenant.renamed",
        target: { type: "tenant", id: tenant.id, label: name },
        metadata: { from: ctx.tenant.name, to: name },
      });
    }
    return tenant;
  });
}
