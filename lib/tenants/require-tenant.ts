import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { redirectToSignIn } from "@/lib/auth/current-user";
import { readSessionToken } from "@/lib/auth/session";
import { assertCan, type Permission } from "@/lib/permissions/permissions";
import { clientIp } from "@/lib/request/client-ip";
import { toTenantContext, type TenantContext } from "./context";
import { isSlugShaped } from "./slug";
import { loadTenantRequest, type TenantRequest } from "./tenant-request";

/** The request's session, user, membership and selector list: one statement, once per request. */
const tenantRequest = cache(async (slug: string): Promise<TenantRequest> => {
  const token = await readSessionToken();
  const request = token ? await loadTenantRequest(token, slug) : null;
  return request ?? redirectToSignIn(`/t/${encodeURIComponent(slug)}`);
});

const tenantContext = cache(async (slug: string): Promise<TenantContext> => {
  const { user, membership } = await tenantRequest(slug);
  if (!membership) notFound();
  return toTenantContext({ user, tenant: membership.tenant, role: membership.role, ip: await clientIp() });
});

/**
 * The guard of every page and action under /t/{slug}: a signed-in user (else
 * sign-in), a member of that tenant (else 404, the same whether or not it exists, and
 * for a slug that cannot exist without asking the database), and, when `permission` is
 * given, a role that has it (else `PermissionDeniedError`, which a page guarded by
 * `tenantPage` shows as its "no access" card). The lib function that does the work
 * asserts its permission again, so no caller can skip it. Cached per request.
 */
export async function requireTenant(slug: string, permission?: Permission): Promise<TenantContext> {
  if (!isSlugShaped(slug)) notFound();
  const ctx = await tenantContext(slug);
  if (permission) assertCan(ctx, permission);
  return ctx;
}

/** What the tenant layout shows around the page: the selector's tenants, and the last tenant as stored. Call after `requireTenant`. */
export async function getTenantFrame(slug: string): Promise<Pick<TenantRequest, "tenants" | "lastTenantId">> {
  if (!isSlugShaped(slug)) notFound();
  const { tenants, lastTenantId } = await tenantRequest(slug);
  return { tenants, lastTenantId };
}
