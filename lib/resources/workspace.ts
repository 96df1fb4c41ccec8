import { z } from "zod";
import type { tenants } from "@/db/schema";
import { PLAN_IDS, planOf } from "@/lib/plans/plans";

/** A workspace as the API and webhooks show it. */
export const workspaceResource = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  plan: z.enum(PLAN_IDS),
  created_at: z.iso.datetime(),
  deleted_at: z.iso.datetime().nullable(),
});
export type WorkspaceResource = z.infer<typeof workspaceResource>;

export function toWorkspaceResource(tenant: Pick<typeof tenants.$inferSelect, "id" | "name" | "slug" | "planId" | "createdAt" | "deletedAt">): WorkspaceResource {
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    plan: planOf(tenant.planId).id,
    created_at: tenant.createdAt.toISOString(),
    deleted_at: tenant.deletedAt?.toISOString() ?? null,
  };
}
