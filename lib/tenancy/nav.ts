import { RESOURCES } from "@/db/resources";
import { can } from "@/lib/permissions/permissions";
import type { TenantContext } from "./context";
import { tenantPath } from "./paths";
import { capitalised } from "@/lib/format/text";

/** The tenant's sections, as its role may see them: the dashboard, each declared resource, then the workspace's own pages. */
export function tenantNav(ctx: TenantContext): { href: string; label: string }[] {
  const slug = ctx.tenant.slug;
  return [
    { href: tenantPath(slug), label: "Dashboard" },
    ...RESOURCES.map((r) => ({ href: tenantPath(slug, r.key), label: capitalised(r.label.many) })),
    { href: tenantPath(slug, "members"), label: "Members" },
    ...(can(ctx.role, "activity.read") ? [{ href: tenantPath(slug, "activity"), label: "Activity" }] : []),
    ...(can(ctx.role, "apiKeys.manage") ? [{ href: tenantPath(slug, "api-keys"), label: "API keys" }] : []),
    ...(can(ctx.role, "webhooks.manage") ? [{ href: tenantPath(slug, "webhooks"), label: "Webhooks" }] : []),
    ...(can(ctx.role, "billing.manage") ? [{ href: tenantPath(slug, "billing"), label: "Billing" }] : []),
    { href: tenantPath(slug, "settings"), label: "Settings" },
  ];
}
