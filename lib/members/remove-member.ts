import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { queueSeatSync } from "@/lib/billing/seats";
import { PermissionDeniedError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantScope } from "@/lib/tenancy/scope";
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
  await db.transaction(async (tx) => {
    const actor = await lockMembershipsOf(ctx, tx);
    assertCan(actor, "members.manage", "Only owners and admins can remove members.");
    const member = await getMemberForUpdate(ctx, tx, userId);
    if (member.role === "owner") {
      if (actor.role !== "owner") throw new PermissionDeniedError("Only owners can remove an owner.");
      await assertAnotherOwnerRemains(ctx, tx, userId);
    }
    await tenantScope(ctx, tx).delete(memberships, eq(memberships.userId, userId));
    await logActivity(ctx, tx, { action: "member.removed", target: memberTarget(member) });
    await emitWebhookEvent(tx, ctx.tenant.id, { type: "member.removed", data: { member: toMemberResource(member), reason: "removed" } });
    await queueSeatSync(tx, ctx.tenant.id);
  });
}

/** Anyone may leave, except the last owner. */
export async function leaveTenant(ctx: TenantContext): Promise<void> {
  await db.transaction(async (tx) => {
    const me = await lockMembershipsOf(ctx, tx);
    if (me.role === "owner") await assertAnotherOwnerRemains(ctx, tx, me.userId);
    await tenantScope(ctx, tx).delete(memberships, eq(memberships.userId, me.userId));
    await logActivity(ctx, tx, { action: "member.left", target: memberTarget(me) });
    await emitWebhookEvent(tx, ctx.tenant.id, { type: "member.removed", data: { member: toMemberResource(me), reason: "left" } });
    await queueSeatSync(tx, ctx.tenant.id);
  });
}
