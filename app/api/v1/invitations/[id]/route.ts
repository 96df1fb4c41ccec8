import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { revokeInvitation } from "@/lib/invitations/manage-invitation";
import { isUuid } from "@/lib/validation/uuid";

type Params = { id: string };

export const DELETE = apiRoute<Params>("invitations:write", async (ctx, _request, { id }) => {
  if (!isUuid(id) || !(await revokeInvitation(ctx, { invitationId: id }))) throw new NotFoundError("No such pending invitation in this workspace.");
  return new Response(null, { status: 204 });
});
