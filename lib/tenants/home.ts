import "server-only";
import type { SessionUser } from "./context";
import { tenantPath } from "./paths";
import { ensurePersonalTenant } from "./personal-tenant";
import { findHomeTenantSlug } from "./queries";

/**
 * Where a signed-in user lands: the tenant they used last (or their oldest), else
 * their personal tenant, made now if this is their first visit; else a page to
 * create one.
 */
export async function resolveHomePath(user: SessionUser): Promise<string> {
  const slug = await findHomeTenantSlug(user.id);
  if (slug) return tenantPath(slug);
  const personal = await ensurePersonalTenant(user.id);
  if (personal) return tenantPath(personal.slug);
  // Made earlier and since left (or raced by a parallel request): look again.
  const again = await findHomeTenantSlug(user.id);
  return again ? tenantPath(again) : "/tenants/new";
}
