import { apiRoute } from "@/lib/api/handler";
import { toWorkspaceResource } from "@/lib/resources/workspace";
import { countMembers } from "@/lib/tenants/queries";

export const GET = apiRoute("workspace:read", async (ctx) => {
  return Response.json({ data: { ...toWorkspaceResource(ctx.tenant), member_count: await countMembers(ctx) } });
});
