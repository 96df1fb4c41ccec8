import "server-only";
import { eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import { logActivity } from "@/lib/activity/record";
import { PermissionDeniedError } from "@/lib/errors";
import { assertCan, canGrant } from "@/lib/permissions/permissions";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantTransaction } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import { parseOrThrow } from "@/lib/validation";
import { toMemberResource } from "@/lib/resources/member";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { assertAnotherOwnerRemains, getMemberForUpdate, lockMembershipsOf, memberTarget, type Member } from "./members";
import { changeRoleSchema, type ChangeRoleInput } from "./schemas";

export async function changeMemberRole(ctx: TenantContext, input: ChangeRoleInput): Promise<Member> {
  const { userId, role } = parseOrThrow(changeRoleSchema, input);
  return tenantTransaction(ctx, async (scope) => {
    const actor = await lockMembershipsOf(scope);
    assertCan(actor, "members.manage", "Only owners and admins can change roles.");
    const member = await getMemberForUpdate(scope, userId);
    if (member.role === role) return member;
    if (member.role === "owner" && actor.role !== "owner") {
      throw new PermissionDeniedError("Only owners can change an owner's role.");
    }
    if (!canGrant(actor.role, role)) {
      throw new PermissionDeniedError(`You cannot give the ${ROLE_LABELS[role]} role.`);
    }
    if (member.role === "owner") await assertAnotherOwnerRemains(scope, userId);
    await scope.update(memberships, { role }, eq(memberships.userId, userId));
    await logActivity(scope, {
      action: "member.role_changed",
      target: memberTarget(member),
      metadata: { from: member.role, to: role },
    });
    await emitWebhookEvent(scope.tx, ctx.tenant.id, { type: "member.role_changed", data: { member: toMemberResource({ ...member, role }), previous_role: member.role } });
    return { ...member, role };
  });
}
