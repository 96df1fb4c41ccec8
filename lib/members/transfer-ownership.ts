import "server-only";
import { eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { UserError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { toMemberResource } from "@/lib/resources/member";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { getMemberForUpdate, lockMembershipsOf, memberTarget } from "./members";
import { memberTargetSchema } from "./schemas";

/** Makes another member an owner and the acting owner an admin, in one transaction. */
export async function transferOwnership(ctx: TenantContext, input: { userId: string }): Promise<void> {
  assertCan(ctx, "tenant.delete", "Only owners can transfer ownership.");
  const { userId } = parseOrThrow(memberTargetSchema, input);
  if (userId === ctx.user.id) throw new UserError("Choose another member to make owner.");
  await tenantTransaction(ctx, async (scope) => {
    const me = await lockMembershipsOf(scope);
    // Still an owner now, not only when the request began.
    if (me.role !== "owner") throw new UserError("Only owners can transfer ownership.");
    const member = await getMemberForUpdate(scope, userId);
    await scope.update(memberships, { role: "owner" }, eq(memberships.userId, member.userId));
    await scope.update(memberships, { role: "admin" }, eq(memberships.userId, ctx.user.id));
    await logActivity(scope, {
      action: "tenant.ownership_transferred",
      target: memberTarget(member),
      metadata: { from: member.role },
    });
    for (const [changed, previous] of [
      [{ ...member, role: "owner" as const }, member.role],
      [{ ...me, role: "admin" as const }, me.role],
    ] as const) {
      if (changed.role !== previous) {
        await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "member.role_changed", data: { member: toMemberResource(changed), previous_role: previous } });
      }
    }
  });
}
