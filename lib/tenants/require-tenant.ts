import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { redirectToSignIn } from "@/lib/auth/current-user";
import { readSessionToken } from "@/lib/auth/session";
import { clientIp } from "@/lib/request/client-ip";
import { toTenantContext, type TenantContext } from "./context";
import { loadTenantRequest, type TenantRequest } from "./tenant-request";

/** The request's session, user, membership and selector list: one statement, once per request. */
const tenantRequest = cache(async (slug: string): Promise<TenantRequest> => {
  const token = await readSessionToken();
  const request = token ? await loadTenantRequest(token, slug) : null;
  return request ?? redirectToSignIn(`/t/${encodeURIComponent(slug)}`);
});

/**
 * The guard of every page and action under /t/{slug}: a signed-in user (else
 * sign-in), a member of that tenant (else 404, the same whether or not it exists).
 * Permissions are asserted by the lib function that does the work, so no caller
 * can skip them. Cached per request.
 */
export const requireTenant = cache(async (slug: string): Promise<TenantContext> => {
  const { user, membership } = await tenantRequest(slug);
  if (!membership) notFound();
  return toTenantContext({ user, tenant: membership.tenant, role: membership.role, ip: await clientIp() });
});

/** What the tenant layout shows around the page: the selector's tenants, and the last tenant as stored. Call after `requireTenant`. */
export async function getTenantFrame(slug: string): Promise<Pick<TenantRequest, "tenants" | "lastTenantId">> {
  const { tenants, lastTenantId } = await tenantRequest(slug);
  return { tenants, lastTenantId };
}
