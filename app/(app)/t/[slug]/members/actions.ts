"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { getAppUrl } from "@/lib/config/app-url";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { revokeInviteLink } from "@/lib/invite-links/revoke-invite-link";
import { createInviteLinkSchema, inviteLinkIdSchema } from "@/lib/invite-links/schemas";
import { resendInvitation, revokeInvitation } from "@/lib/invitations/manage-invitation";
import { invitationIdSchema, inviteSchema } from "@/lib/invitations/schemas";
import { changeMemberRole } from "@/lib/members/change-role";
import { leaveTenant, removeMember } from "@/lib/members/remove-member";
import { changeRoleSchema, memberTargetSchema } from "@/lib/members/schemas";
import { transferOwnership } from "@/lib/members/transfer-ownership";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";

const refresh = (ctx: TenantContext) => revalidatePath(tenantPath(ctx.tenant.slug), "layout");

export const inviteAction = tenantAction(inviteSchema, async (ctx, input) => {
  await createInvitation(ctx, input, await getAppUrl());
  refresh(ctx);
  return { email: input.email };
});

export const resendInvitationAction = tenantAction(invitationIdSchema, async (ctx, input) => {
  await resendInvitation(ctx, input, await getAppUrl());
  refresh(ctx);
});

export const revokeInvitationAction = tenantAction(invitationIdSchema, async (ctx, input) => {
  await revokeInvitation(ctx, input);
  refresh(ctx);
});

/** The link's URL is in the answer this once: the form shows it to copy, and it is never shown again. */
export const createInviteLinkAction = tenantAction(createInviteLinkSchema, async (ctx, input) => {
  const { link, url } = await createInviteLink(ctx, input, await getAppUrl());
  refresh(ctx);
  return { url, role: link.role, maxUses: link.maxUses };
});

export const revokeInviteLinkAction = tenantAction(inviteLinkIdSchema, async (ctx, input) => {
  await revokeInviteLink(ctx, input);
  refresh(ctx);
});

export const changeRoleAction = tenantAction(changeRoleSchema, async (ctx, input) => {
  await changeMemberRole(ctx, input);
  refresh(ctx);
});

export const removeMemberAction = tenantAction(memberTargetSchema, async (ctx, input) => {
  await removeMember(ctx, input);
  refresh(ctx);
});

export const transferOwnershipAction = tenantAction(memberTargetSchema, async (ctx, input) => {
  await transferOwnership(ctx, input);
  refresh(ctx);
});

export const leaveTenantAction = tenantAction(z.object({}), async (ctx) => {
  await leaveTenant(ctx);
  redirect("/");
});
