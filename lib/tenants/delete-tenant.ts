import "server-only";
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { type Executor } from "@/db/client";
import { memberships, tenants, users } from "@/db/schema";
import { recordActivity, userLabel } from "@/lib/activity/record";
import { sendEmail } from "@/lib/email/send-email";
import { tenantDeletedEmail } from "@/lib/email/templates/tenant-deleted";
import { NotFoundError, UserError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { assertCan } from "@/lib/permissions/permissions";
import { parseOrThrow } from "@/lib/validation";
import type { TenantContext } from "@/lib/tenancy/context";
import { purgeDateOf } from "./lifecycle";
import { assertCanUnderLock } from "@/lib/tenancy/lock-tenant";
import { toWorkspaceResource } from "@/lib/resources/workspace";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { deleteTenantSchema, type DeleteTenantInput } from "./schemas";
import { tenantTransaction } from "@/lib/tenancy/scope";

/**
 * Deletes a workspace softly, in one transaction: from the next request on, no member
 * and no API key reaches it (every lookup skips deleted tenants). Its paid subscription
 * is cancelled by a job that retries until Stripe confirms; every member is mailed;
 * members left with no workspace get a new personal one when they next arrive.
 * Restorable by an owner for 30 days (./restore-tenant.ts), then purged.
 */
export async function deleteTenant(ctx: TenantContext, input: DeleteTenantInput, appUrl: string): Promise<void> {
  assertCan(ctx, "tenant.delete", "Only owners can delete this workspace.");
  const { confirmName } = parseOrThrow(deleteTenantSchema, input);
  if (confirmName !== ctx.tenant.name) {
    throw new UserError("The name does not match.", { confirmName: [`Type “${ctx.tenant.name}” exactly to delete it.`] });
  }
  await tenantTransaction(ctx, async (scope) => {
    await assertCanUnderLock(scope, "tenant.delete", "Only owners can delete this workspace.");
    await softDeleteTenant(ctx, scope.tx, appUrl);
  });
}

/** The deletion itself, inside the caller's transaction (account deletion reuses it for workspaces the account alone is in). */
export async function softDeleteTenant(ctx: Pick<TenantContext, "tenant" | "user" | "ip">, tx: Executor, appUrl: string): Promise<void> {
  const [tenant] = await tx
    .update(tenants)
    .set({ deletedAt: new Date() })
    .where(and(eq(tenants.id, ctx.tenant.id), isNull(tenants.deletedAt)))
    .returning();
  if (!tenant?.deletedAt) throw new NotFoundError();

  // Any subscription of its Stripe customer, not only the one last synced: a webhook may be late.
  if (tenant.stripeCustomerId) {
    // A minute's grace on Stripe's clock; later ones are cancelled when their webhook syncs (lib/billing/sync.ts).
    const before = new Date(tenant.deletedAt.getTime() + 60_000).toISOString();
    await enqueueJob("billing-cancel-subscription", { tenantId: tenant.id, before }, { executor: tx });
  }

  const members = await tx
    .select({ id: users.id, email: users.email, timeZone: users.timeZone })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenant.id));
  for (const member of members) {
    if (!member.email) continue;
    const message = tenantDeletedEmail({
      tenantName: tenant.name,
      deletedBy: userLabel(ctx.user) ?? "An owner",
      purgeAt: purgeDateOf(tenant.deletedAt),
      accountUrl: `${appUrl}/account`,
      timeZone: member.timeZone,
    });
    await sendEmail({ to: member.email, ...message }, { executor: tx });
  }

  // Members left with no workspace at all get a fresh personal one on their next visit.
  const stranded = members.map((m) => m.id);
  if (stranded.length > 0) {
    const stillIn = tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(and(isNull(tenants.deletedAt), inArray(memberships.userId, stranded)));
    await tx
      .update(users)
      .set({ personalTenantCreatedAt: null })
      .where(and(inArray(users.id, stranded), notInArray(users.id, stillIn)));
  }

  await recordActivity(tx, { tenantId: tenant.id, actor: ctx.user, ip: ctx.ip, action: "tenant.deleted", target: { type: "tenant", id: tenant.id, label: tenant.name } });
  await emitWebhookEvent(tx, tenant.id, { type: "workspace.deleted", data: { workspace: toWorkspaceResource(tenant) } });
}
