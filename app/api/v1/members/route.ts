import { apiRoute } from "@/lib/api/handler";
import { listMembers } from "@/lib/members/members";
import { toMemberResource } from "@/lib/resources/member";

export const GET = apiRoute("members:read", async (ctx) => {
  return Response.json({ data: (await listMembers(ctx)).map(toMemberResource) });
});
