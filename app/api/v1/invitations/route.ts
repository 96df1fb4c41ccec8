import { jsonObjectBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { invitationCreateBody } from "@/lib/api/workspace";
import { getAppUrl } from "@/lib/config/app-url";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { listPendingInvitations } from "@/lib/invitations/invitations";
import { toInvitationResource } from "@/lib/resources/invitation";
import { parseOrThrow } from "@/lib/validation";

export const GET = apiRoute("invitations:read", async (ctx) => {
  return Response.json({ data: (await listPendingInvitations(ctx)).map((invitation) => toInvitationResource(invitation)) });
});

export const POST = apiRoute("invitations:write", async (ctx, request) => {
  const input = parseOrThrow(invitationCreateBody, await jsonObjectBody(request));
  const invitation = await createInvitation(ctx, input, await getAppUrl());
  return Response.json({ data: toInvitationResource(invitation) }, { status: 201 });
});
