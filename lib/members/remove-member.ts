import "server-only";
import { eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { queueSeatSync } from "@/lib/billing/seats";
import { PermissionDeniedError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { toMemberResource } from "@/lib/resources/member";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { assertAnotherOwnerRemains, getMemberForUpdate, lockMembershipsOf, memberTarget } from "./members";
import { memberTargetSchema } from "./schemas";

/** Removes someone else; access ends with their next request. Removing yourself is leaving. */
export async function removeMember(ctx: TenantContext, input: { userId: string }): Promise<void> {
  const { userId } = parseOrThrow(memberTargetSchema, input);
  if (userId === ctx.user.id) return leaveTenant(ctx);
  await tenantTransaction(ctx, async (scope) => {
    const actor = await lockMembershipsOf(scope);
    assertCan(actor, "members.manage", "Only owners and admins can remove members.");
    const member = await getMemberForUpdate(scope, userId);
    if (member.role === "owner") {
      if (actor.role !== "owner") throw new PermissionDeniedError("Only owners can remove an owner.");
      await assertAnotherOwnerRemains(scope, userId);
    }
    await scope.delete(memberships, eq(memberships.userId, userId));
    await logActivity(scope, { action: "member.removed", target: memberTarget(member) });
    await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "member.removed", data: { member: toMemberResource(member), reason: "removed" } });
    await queueSeatSync(scope.tx, ctx.tenant.id);
  });
}

/** Anyone may leave, except the last owner. */
export async function leaveTenant(ctx: TenantContext): Promise<void> {
  await tenantTransaction(ctx, async (scope) => {
    const me = await lockMembershipsOf(scope);
    if (me.role === "owner") await assertAnotherOwnerRemains(scope, me.userId);
    await scope.delete(memberships, eq(memberships.userId, me.userId));
    await logActivity(scope, { action: "member.left", target: memberTarget(me) });
    await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "member.removed", data: { member: toMemberResource(me), reason: "left" } });
    await queueSeatSync(scope.tx, ctx.tenant.id);
  });
}
