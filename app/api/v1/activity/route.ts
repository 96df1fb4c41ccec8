import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { activityQuerySchema } from "@/lib/api/workspace";
import { listActivity } from "@/lib/activity/list-activity";
import { toActivityResource } from "@/lib/resources/activity";

export const GET = apiRoute("activity:read", async (ctx, request) => {
  const { cursor, limit } = parseQuery(activityQuerySchema, request);
  const page = await listActivity(ctx, { before: cursor ? Number(cursor) : undefined, limit });
  return Response.json({ data: page.entries.map(toActivityResource), next_cursor: page.nextBefore === null ? null : String(page.nextBefore) });
});
