import { jsonObjectBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { invitationCreateBody } from "@/lib/api/workspace";
import { configuredAppUrl } from "@/lib/config/app-url";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { listPendingInvitations } from "@/lib/invitations/invitations";
import { toInvitationResource } from "@/lib/resources/invitation";
import { parseOrThrow } from "@/lib/validation";

export const GET = apiRoute("invitations:read", async (ctx) => {
  return Response.json({ data: (await listPendingInvitations(ctx)).map((invitation) => toInvitationResource(invitation)) });
});

export const POST = apiRoute("invitations:write", async (ctx, request) => {
  const input = parseOrThrow(invitationCreateBody, await jsonObjectBody(request));
  // The link in the email: the configured public URL (required in production), else this request's origin.
  const invitation = await createInvitation(ctx, input, configuredAppUrl() ?? new URL(request.url).origin);
  return Response.json({ data: toInvitationResource(invitation) }, { status: 201 });
});
